package org.nqs4j.hamiltonians.fock;

import java.util.Arrays;

/**
 * Reusable buffer for the non-zero elements ⟨x'|Ô|x⟩ of one column of a {@link FockOperator}:
 * each connection x' is stored as the list of (mode, new occupation) pairs where it differs from
 * x, with its real matrix element. Entry 0 is the diagonal when it is non-zero; off-diagonal
 * targets may repeat (terms are not merged), and consumers sum them. One buffer per thread; it
 * also holds the scratch of the evaluation, so filling it allocates nothing once grown.
 */
public final class FockConnections {
    private final int maxChanges;
    private double[] value;
    private int[] changeCount;
    private int[] changeMode;
    private int[] changeValue;
    private int size;
    // scratch of FockOperator.connections: occupied modes below each mode, the modes a term touches
    final int[] occupiedBelow;
    final int[] touchedMode;
    final int[] touchedValue;
    // scratch of MolecularHamiltonian.connections: the occupied spin-orbitals, then the empty ones, each increasing
    final int[] occupied;

    FockConnections(int initialCapacity, int maxChanges, int nModes, int maxFactors) {
        this.maxChanges = Math.max(1, maxChanges);
        this.value = new double[Math.max(1, initialCapacity)];
        this.changeCount = new int[value.length];
        this.changeMode = new int[value.length * this.maxChanges];
        this.changeValue = new int[value.length * this.maxChanges];
        this.occupiedBelow = new int[nModes + 1];
        this.touchedMode = new int[Math.max(1, maxFactors)];
        this.touchedValue = new int[Math.max(1, maxFactors)];
        this.occupied = new int[nModes];
    }

    void clear() {
        size = 0;
    }

    /** Appends an element whose target changes modes {@code modes[0..n)} to {@code values[0..n)}. */
    void add(double element, int[] modes, int[] values, int n) {
        if (size == value.length) {
            int cap = 2 * size;
            value = Arrays.copyOf(value, cap);
            changeCount = Arrays.copyOf(changeCount, cap);
            changeMode = Arrays.copyOf(changeMode, cap * maxChanges);
            changeValue = Arrays.copyOf(changeValue, cap * maxChanges);
        }
        value[size] = element;
        changeCount[size] = n;
        System.arraycopy(modes, 0, changeMode, size * maxChanges, n);
        System.arraycopy(values, 0, changeValue, size * maxChanges, n);
        size++;
    }

    /** Drops entry 0 (a vanishing diagonal) by moving the last entry into its place. */
    void removeFirst() {
        size--;
        if (size > 0) {
            value[0] = value[size];
            changeCount[0] = changeCount[size];
            System.arraycopy(changeMode, size * maxChanges, changeMode, 0, changeCount[size]);
            System.arraycopy(changeValue, size * maxChanges, changeValue, 0, changeCount[size]);
        }
    }

    void setValue(int k, double v) {
        value[k] = v;
    }

    public int size() {
        return size;
    }

    /** ⟨x'|Ô|x⟩ of entry k. */
    public double value(int k) {
        return value[k];
    }

    /** Number of modes whose occupation entry k changes (0 for the diagonal). */
    public int changeCount(int k) {
        return changeCount[k];
    }

    /** The c-th changed mode of entry k. */
    public int changeMode(int k, int c) {
        return changeMode[k * maxChanges + c];
    }

    /** The new occupation of the c-th changed mode of entry k. */
    public int changeValue(int k, int c) {
        return changeValue[k * maxChanges + c];
    }

    /**
     * Backing array of the changed modes: entry k's move is modes
     * {@code [changeOffset(k), changeOffset(k) + changeCount(k))} of this array taking the values at
     * the same places of {@link #changeValues()}, the move a walker cache takes. Valid until the next fill.
     */
    public int[] changeModes() {
        return changeMode;
    }

    /** Backing array of the new occupations, aligned with {@link #changeModes()}. */
    public int[] changeValues() {
        return changeValue;
    }

    /** Where entry k's changes start in {@link #changeModes()} and {@link #changeValues()}. */
    public int changeOffset(int k) {
        return k * maxChanges;
    }
}
