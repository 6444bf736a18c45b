package org.nqs4j.vmc.cli;

/** Entry point of the {@code nqs} command (placeholder until the CLI lands in this session). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("nqs4j 0.1.0");
    }
}
