package org.nqs4j.samplers;

import org.nqs4j.ansatz.WalkerCache;

/**
 * Receives every kept sample while its chain's look-up tables are live, so that local
 * estimators reuse them instead of rebuilding θ per sample. Called concurrently for different
 * chains, never concurrently for one chain: write only to the slot of (chain, sample) and use
 * per-chain scratch.
 */
@FunctionalInterface
public interface SampleVisitor {
    void visit(int chain, int sample, WalkerCache state);
}
