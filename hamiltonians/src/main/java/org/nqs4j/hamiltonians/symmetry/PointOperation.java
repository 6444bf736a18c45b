package org.nqs4j.hamiltonians.symmetry;

/**
 * An orthogonal map of the plane about the origin: the rotation by {@code angle} θ ∈ [0, 2π), or
 * the reflection across the axis at {@code angle} φ ∈ [0, π) from the x axis.
 */
public record PointOperation(boolean reflection, double angle) {
    public static final PointOperation IDENTITY = new PointOperation(false, 0);

    /** The 2×2 matrix R, row-major {R₀₀, R₀₁, R₁₀, R₁₁}. */
    public double[] matrix() {
        if (reflection) {
            double c = Math.cos(2 * angle);
            double s = Math.sin(2 * angle);
            return new double[] {c, s, s, -c};
        }
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[] {c, -s, s, c};
    }

    /** R·(x, y). */
    public double[] apply(double x, double y) {
        double[] r = matrix();
        return new double[] {r[0] * x + r[1] * y, r[2] * x + r[3] * y};
    }

    /** Rᵀ·(x, y) = R⁻¹·(x, y) (how R acts on a momentum in ψ(Rσ) = χ ψ(σ)). */
    public double[] applyTransposed(double x, double y) {
        double[] r = matrix();
        return new double[] {r[0] * x + r[2] * y, r[1] * x + r[3] * y};
    }

    /** The candidates tried on a lattice: 1 and x → −x in one dimension; the 12 rotations by 30° steps and the 12 reflections across axes 15° apart in two (all of C₄ᵥ and C₆ᵥ). */
    static PointOperation[] candidates(int dimension) {
        if (dimension == 1) {
            return new PointOperation[] {IDENTITY, new PointOperation(true, Math.PI / 2)};
        }
        PointOperation[] out = new PointOperation[24];
        for (int m = 0; m < 12; m++) {
            out[m] = new PointOperation(false, 2 * Math.PI * m / 12);
            out[12 + m] = new PointOperation(true, Math.PI * m / 12);
        }
        return out;
    }

    @Override
    public String toString() {
        long degrees = Math.round(Math.toDegrees(angle));
        return reflection ? "mirror(" + degrees + "°)" : "rotation(" + degrees + "°)";
    }
}
