package org.nqs4j.vmc.plot;

import java.util.Locale;
import java.util.Map;

/** The unit in which a model's energies are expressed, for axis labels. */
public final class EnergyUnit {
    private EnergyUnit() {
    }

    /**
     * The unit of the model's leading coupling (J, or J1 for J1-J2): "units of J" when the coupling
     * is 1, "units in which J = 2" otherwise (t for lattice fermions, J for bosons); hartree for a
     * molecule; for a sum of Pauli strings the unit of its coefficients.
     *
     * @param couplings the couplings by name (other keys are ignored)
     */
    public static String of(String model, Map<?, ?> couplings) {
        String coupling = switch (model) {
            case "heisenberg", "xxz", "ising", "bose_hubbard" -> "J";
            case "j1j2" -> "J1";
            case "hubbard", "spinless_fermions" -> "t";
            case "molecule" -> "hartree";
            default -> null;
        };
        if (coupling == null) {
            return "units of the Pauli-string coefficients";
        }
        if (coupling.equals("hartree")) {
            return coupling;
        }
        Object value = couplings.get(coupling);
        return value == null || value instanceof Number v && v.doubleValue() == 1.0 ? "units of " + coupling // default 1
                : String.format(Locale.ROOT, "units in which %s = %s", coupling, value);
    }
}
