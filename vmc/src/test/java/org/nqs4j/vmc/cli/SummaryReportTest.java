package org.nqs4j.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SummaryReportTest {
    private static String printed(double vScore, boolean stalled) {
        Map<String, Object> s = Map.of("name", "case", "hamiltonian", "H", "n_sites", 16, "n_parameters", 10,
                "energy", Map.of("mean", -7.0, "error", 0.01, "variance", 0.1), "v_score", vScore,
                "convergence", Map.of("stalled", stalled, "verdict", stalled ? "STALLED: plateau" : "converged: flat"),
                "wall_time_s", 1.0, "threads", 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), s, Path.of("out"));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** V = 0.64 on 16 sites is an energy spread of √(0.04) = 20 % of |E|; the stalled flag becomes a WARNING line. */
    @Test
    void vScoreIsReadAndAStallIsAWarning() {
        String stalled = printed(0.64, true);
        assertTrue(stalled.contains("sqrt(V/N) = 0.20 of |E|") && stalled.contains("far from an eigenstate"), stalled);
        assertTrue(stalled.contains("WARNING      STALLED: plateau"), stalled);
        String converged = printed(5e-4, false);
        assertTrue(converged.contains("close to an eigenstate") && converged.contains("convergence  converged"), converged);
        assertTrue(printed(5e-3, false).contains("below the stall threshold"));
        assertFalse(converged.contains("WARNING"), converged);
    }

    /** The wall-time line names the threads, and under MPI the ranks and the threads of each. */
    @Test
    void theWallTimeNamesTheRanksAndThreads() {
        Map<String, Object> s = Map.of("name", "case", "hamiltonian", "H", "n_sites", 16, "n_parameters", 10,
                "energy", Map.of("mean", -7.0, "error", 0.01, "variance", 0.1), "v_score", 0.1,
                "wall_time_s", 6.4, "threads", 2);
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        SummaryReport.print(new PrintStream(one, true, StandardCharsets.UTF_8), s, Path.of("out"));
        assertTrue(one.toString(StandardCharsets.UTF_8).contains("wall time    6.4 s on 2 thread(s)\n"), one.toString());
        ByteArrayOutputStream ranks = new ByteArrayOutputStream();
        SummaryReport.print(new PrintStream(ranks, true, StandardCharsets.UTF_8), s, Path.of("out"), 3);
        assertTrue(ranks.toString(StandardCharsets.UTF_8).contains("6.4 s on 3 MPI ranks x 2 thread(s) each"),
                ranks.toString());
    }

    /** A sampled Lanczos step prints ψ₁'s own energy first and the moments' beside it, and each sampled step. */
    @Test
    void aSampledLanczosStepNamesBothEstimates() {
        Map<String, Object> s = Map.of("name", "case", "hamiltonian", "H", "n_sites", 16, "n_parameters", 10,
                "energy", Map.of("mean", -7.0, "error", 0.01, "variance", 0.1), "v_score", 0.1,
                "lanczos_step", Map.of("energy", -7.10, "error", 0.002, "alpha", -0.15,
                        "moments", Map.of("energy", -7.12, "error", 0.03), "sampled", Map.of("steps", List.of(
                                Map.of("energy", -7.08, "error", 0.002, "alpha", -0.15),
                                Map.of("energy", -7.10, "error", 0.002, "alpha", -0.05)))),
                "wall_time_s", 1.0, "threads", 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), s, Path.of("out"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Lanczos step -7.1000 ± 0.0020") && out.contains("sampled from |psi1|^2; from the moments"
                + " -7.120 ± 0.030"), out);
        assertTrue(out.contains("2 sampled steps: -7.0800 ± 0.0020 (alpha -0.1500) -> -7.1000 ± 0.0020 (alpha -0.05000)"), out);
    }

    /** The fresh chains' energy is printed beside the estimate's, with their move and distance in combined sigmas. */
    @Test
    void freshChainsArePrintedWithTheirDeviation() {
        Map<String, Object> s = Map.of("name", "case", "hamiltonian", "H", "n_sites", 16, "n_parameters", 10,
                "energy", Map.of("mean", -7.0, "error", 0.01, "variance", 0.1), "v_score", 0.1,
                "fresh_chains", Map.of("mean", -6.95, "error", 0.02, "samples", 4000, "move", "exchange-any",
                        "deviation_sigma", 2.236),
                "wall_time_s", 1.0, "threads", 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), s, Path.of("out"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("fresh chains -6.950 ± 0.020   (4000 samples from random starts, exchange-any moves;"
                + " 2.2 sigma from the estimate)"), out);
    }
}
