package org.nqs4j.vmc.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.SweepSpec;
import org.nqs4j.vmc.plot.EnergyUnit;
import org.nqs4j.vmc.plot.LinePlot;
import org.nqs4j.vmc.plot.Series;

/** The table (CSV, Markdown) and the plot of a sweep, one row per point. */
final class SweepTable {
    private SweepTable() {
    }

    /** Adds the result columns of a completed point from its summary. */
    static void addResult(Map<String, Object> row, Map<String, Object> s) {
        Map<?, ?> e = SummaryReport.map(s.get("energy"));
        Map<?, ?> perSite = SummaryReport.map(e.get("per_site"));
        row.put("status", s.get("status"));
        row.put("n_sites", s.get("n_sites"));
        row.put("energy", e.get("mean"));
        row.put("error", e.get("error"));
        row.put("energy_per_site", perSite.get("mean"));
        row.put("error_per_site", perSite.get("error"));
        row.put("variance", e.get("variance"));
        row.put("v_score", s.get("v_score"));
        row.put("acceptance", s.get("acceptance"));
        row.put("r_hat", s.get("r_hat"));
        if (s.get("exact") instanceof Map<?, ?> x) {
            row.put("exact", x.get("energy"));
            row.put("relative_error", x.get("relative_error"));
        }
        if (s.get("e_hf") != null) { // a molecule: its Hartree-Fock energy, drawn beside VMC and FCI
            row.put("e_hf", s.get("e_hf"));
        }
    }

    private static List<String> columns(List<Map<String, Object>> rows) {
        Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        List<String> ordered = new ArrayList<>(cols);
        ordered.remove("folder");
        ordered.add("folder"); // last, also for failed points that have no result columns
        return ordered;
    }

    private static String cell(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.10g", d) : "nan";
        }
        return v == null ? "" : v.toString();
    }

    static String csv(List<Map<String, Object>> rows) {
        List<String> cols = columns(rows);
        StringBuilder sb = new StringBuilder(String.join(",", cols)).append('\n');
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                String x = cell(r.get(c));
                cells.add(x.matches("[^,\"\\n]*") ? x : "\"" + x.replace("\"", "\"\"") + "\"");
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    static String markdown(List<Map<String, Object>> rows) {
        List<String> cols = columns(rows);
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", cols)).append(" |\n|");
        sb.append("---|".repeat(cols.size())).append('\n');
        for (Map<String, Object> r : rows) {
            sb.append('|');
            for (String c : cols) {
                sb.append(' ').append(cell(r.get(c)).replace("|", "\\|")).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Energy per site (markers with error bars; for a molecule the total energy, with its Hartree–Fock
     * energy as a second curve) against the first swept key, one curve per value
     * of the other keys; the exact energy per site as a solid curve when known (black for a single
     * curve, else in the colour of its VMC points), and below it the relative deviation from the
     * exact energy with its error bar (invisible at the scale of the energies). A non-numeric first
     * key is plotted against the point index.
     *
     * @param energyUnit e.g. "units of J" (see {@link #energyUnit}), or ""
     */
    static LinePlot plot(SweepSpec sweep, List<Map<String, Object>> rows, String title, String energyUnit) {
        String xKey = sweep.keys().get(0);
        boolean numeric = rows.stream().allMatch(r -> isNumber(String.valueOf(r.get(xKey))));
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            if (!"completed".equals(r.get("status"))) {
                continue;
            }
            List<String> others = new ArrayList<>();
            for (String k : sweep.keys().subList(1, sweep.keys().size())) {
                others.add(k + "=" + r.get(k));
            }
            groups.computeIfAbsent(String.join(", ", others), g -> new ArrayList<>()).add(r);
        }
        // a molecule's energy is not extensive in its orbitals: total energies, with Hartree-Fock beside them
        boolean molecular = rows.stream().anyMatch(r -> r.get("e_hf") != null);
        String quantity = molecular ? "energy" : "energy per site";
        LinePlot plot = new LinePlot(title + ": " + quantity, numeric ? xKey : xKey + " (point)",
                (molecular ? "energy E" : "energy per site E/N") + (energyUnit.isEmpty() ? "" : " (" + energyUnit + ")"));
        LinePlot deviation = new LinePlot("", "", "(E − E_exact) / |E_exact|").referenceLine("exact", 0);
        int colour = 0;
        for (Map.Entry<String, List<Map<String, Object>>> g : groups.entrySet()) {
            List<Map<String, Object>> rs = g.getValue();
            double[] x = new double[rs.size()];
            double[] y = new double[rs.size()];
            double[] err = new double[rs.size()];
            double[] exact = new double[rs.size()];
            double[] hf = new double[rs.size()];
            boolean hasExact = true;
            for (int i = 0; i < rs.size(); i++) {
                Map<String, Object> r = rs.get(i);
                x[i] = numeric ? Double.parseDouble(String.valueOf(r.get(xKey))) : rows.indexOf(r);
                y[i] = SummaryReport.num(r.get(molecular ? "energy" : "energy_per_site"));
                err[i] = SummaryReport.num(r.get(molecular ? "error" : "error_per_site"));
                exact[i] = SummaryReport.num(r.get("exact")) / (molecular ? 1 : SummaryReport.num(r.get("n_sites")));
                hf[i] = SummaryReport.num(r.get("e_hf"));
                hasExact &= r.get("exact") != null;
            }
            String label = g.getKey().isEmpty() ? "VMC" : "VMC " + g.getKey();
            plot.addPoints(new Series(label, x, y, err));
            if (molecular) {
                plot.addCurve(new Series(g.getKey().isEmpty() ? "Hartree-Fock" : "Hartree-Fock " + g.getKey(), x, hf,
                        null), groups.size() + colour); // a colour of no VMC series

            }
            if (hasExact) {
                plot.addCurve(new Series(g.getKey().isEmpty() ? "exact" : "exact " + g.getKey(), x, exact, null),
                        groups.size() == 1 ? LinePlot.BLACK : colour);
                double[] rel = new double[x.length];
                double[] relErr = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    rel[i] = (y[i] - exact[i]) / Math.abs(exact[i]);
                    relErr[i] = err[i] / Math.abs(exact[i]);
                }
                deviation.addPoints(new Series(label, x, rel, relErr));
            } else {
                deviation.addPoints(new Series(label, new double[0], new double[0], null)); // keeps the colours
            }
            colour++;
        }
        if (groups.isEmpty()) {
            plot.note("no completed point to plot");
        }
        boolean anyExact = rows.stream().anyMatch(r -> "completed".equals(r.get("status")) && r.get("exact") != null);
        return anyExact ? plot.withPanelBelow(deviation) : plot;
    }

    /** The energy unit shared by the points of a sweep, or "" when they differ (a swept J). */
    static String energyUnit(List<RunConfig> points) {
        Set<String> units = new LinkedHashSet<>();
        points.forEach(c -> units.add(EnergyUnit.of(c.hamiltonian().model(), c.hamiltonian().couplings())));
        return units.size() == 1 ? units.iterator().next() : "";
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
