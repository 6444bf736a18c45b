package org.nqs4j.vmc.parallel;

/** The collective of a run in one process: every block is already where it belongs. */
final class SingleProcess implements Collective {
    static final SingleProcess INSTANCE = new SingleProcess();

    private SingleProcess() {
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public void allgather(double[] data, int[] counts, int[] offsets) {
        if (counts.length != 1 || offsets.length != 1) {
            throw new IllegalArgumentException("one process has one block, got " + counts.length);
        }
    }

    @Override
    public void broadcast(byte[] data, int root) {
        if (root != 0) {
            throw new IllegalArgumentException("one process has only rank 0, got root " + root);
        }
    }

    @Override
    public void barrier() {
    }

    @Override
    public void abort(int code) {
        Runtime.getRuntime().halt(code);
    }

    @Override
    public String description() {
        return "one process";
    }

    @Override
    public void close() {
    }
}
