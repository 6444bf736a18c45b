package org.nqs4j.vmc.run;

import org.nqs4j.vmc.driver.IterationResult;

/** Receives progress of a run (for a progress bar); called on the run's thread. */
public interface RunListener {
    /** The optimisation starts at 0-based step {@code first} (non-zero when resumed) of {@code iterations}. */
    void started(int first, int iterations);

    void iteration(IterationResult result);

    /** A phase change or notice, e.g. "final estimate with 20000 samples". */
    void message(String text);

    RunListener SILENT = new RunListener() {
        @Override
        public void started(int first, int iterations) {
        }

        @Override
        public void iteration(IterationResult result) {
        }

        @Override
        public void message(String text) {
        }
    };
}
