package org.nqs4j.vmc.config;

/**
 * H2 in STO-3G at R = 1.4 a0 in the RHF orbitals, Szabo &amp; Ostlund §3.5.2 (four decimals), as
 * integrals and as an FCIDUMP; h12 = (11|12) = (22|21) = 0 by symmetry. Shared by the molecule tests.
 */
public final class H2Sto3g {
    private H2Sto3g() {
    }

    public static final double CORE = 1 / 1.4;
    public static final double H11 = -1.2528;
    public static final double H22 = -0.4756;
    public static final double J11 = 0.6746;
    public static final double J22 = 0.6975;
    public static final double J12 = 0.6636;
    public static final double K12 = 0.1813;
    public static final String H2_FCIDUMP = """
             &FCI NORB=2, NELEC=2, MS2=0,
              ORBSYM=1,1, ISYM=1,
             &END
              0.6746  1 1 1 1
              0.1813  1 2 1 2
              0.6636  1 1 2 2
              0.6975  2 2 2 2
             -1.2528  1 1 0 0
             -0.4756  2 2 0 0
              0.714285714285714  0 0 0 0
            """;

}
