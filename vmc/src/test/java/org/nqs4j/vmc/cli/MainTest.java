package org.nqs4j.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.vmc.cli.CommandLine.nqs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.cli.CommandLine.Outcome;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;



    private Path config(String text) throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, text);
        return f;
    }

    /** Each bad config of the issue: exit code 2, a one-paragraph message, no stack trace. */
    @Test
    void badConfigsExitWithCodeTwoAndOneParagraph() throws IOException {
        String good = "lattice: {type: chain, length: 6}\nhamiltonian: {model: heisenberg}\n";
        String[] bad = {
            good + "colour: blue\n",                                        // unknown key
            good + "iterations: lots\n",                                    // wrong type
            good.replace("length: 6", "length: -6"),                        // negative size
            good + "ansatz: {alpha: 0}\n",                                  // alpha = 0
            "lattice: {type: custom, sites: 3, edges: []}\nhamiltonian: {model: heisenberg}\n", // no edges
            good.replace("heisenberg", "kitaev"),                           // unknown model
        };
        for (String text : bad) {
            Outcome o = nqs("run", config(text).toString(), "--out", tmp.resolve("out").toString());
            assertEquals(2, o.code(), text);
            assertTrue(o.err().startsWith("nqs run: config error: bad.yaml:"), o.err());
            assertEquals(1, o.err().strip().lines().count(), "one paragraph: " + o.err());
            assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
            assertFalse(Files.exists(tmp.resolve("out")), "no run folder for a bad config");
        }
    }

    @Test
    void usageMistakesExitWithCodeTwo() {
        assertEquals(2, nqs("frobnicate").code());
        assertEquals(2, nqs("run").code());
        assertEquals(2, nqs("run", "does-not-exist.yaml").code());
        assertEquals(2, nqs("run", "x.yaml", "--bogus").code());
    }

    @Test
    void helpAndVersion() {
        Outcome help = nqs("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("run CONFIG"));
        Outcome v = nqs("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("nqs4j " + Main.VERSION));
    }

    @Test
    void existingOutputFolderIsRefusedWithoutForce() throws IOException {
        Path out = tmp.resolve("busy");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "precious");
        Path cfg = config("lattice: {type: chain, length: 4}\nhamiltonian: {model: ising, h: 1}\niterations: 1\n"
                + "sampler: {chains: 2, samples: 8}\nevaluation: {samples: 8}\n");
        Outcome o = nqs("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not an nqs4j run folder") && o.err().contains("--out DIR"), o.err());
        assertEquals("precious", Files.readString(out.resolve("keep.txt")));
    }
}
