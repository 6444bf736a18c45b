import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Question: is one build's `nqs bench` step faster than another's on this host, to a few per cent?
 *
 * <p>On a shared VM the speed of a core drifts by 10–20 % between minutes, so two `nqs bench`
 * runs one after the other cannot resolve a 3 % difference. Here both builds live in one JVM, each
 * in its own class loader, and their drivers (the bench's own problem, ansatz, sampler and SR
 * settings, one thread) step alternately, A B A B …: a drift slower than one step (~0.05 s) acts on
 * both sides of a pair alike. The answer is the median over pairs of the per-pair ratio of the
 * sampling (and update) wall time, with a bootstrap interval of that median and the 10 % and 90 %
 * quantiles of the single ratios.
 *
 * <p>Only names that both builds share are used, by reflection: {@code BenchProblem.standard()},
 * {@code BenchProblem.ansatz(long)}, {@code ChainPool(int)}, the bench's private
 * {@code BenchCommand.driver(problem, ansatz, pool)}, {@code VmcDriver.step(int)} and the
 * iteration result's {@code samplingSeconds()}, {@code updateSeconds()}, {@code energy()}.
 *
 * <p>usage (see side-by-side.sh): java --add-modules jdk.incubator.vector SideBySide.java
 * BASE_ROOT NEW_ROOT PROBLEM WARMUP_PAIRS MEASURED_PAIRS
 */
public final class SideBySide {
    private static final long SEED = 20170210L;

    /** One build's bench driver, stepped by reflection. */
    private static final class Build {
        final String label;
        final Object driver;
        final Method step;
        int iteration;

        Build(String label, String root, String problemName) throws Exception {
            this.label = label;
            List<URL> urls = new ArrayList<>();
            urls.add(new File(root, "benchmarks/target/benchmarks-0.1.0.jar").toURI().toURL());
            File[] lib = new File(root, "benchmarks/target/lib").listFiles((d, n) -> n.endsWith(".jar"));
            if (lib == null) {
                throw new IllegalArgumentException(root + ": no benchmarks/target/lib (build it first: ./nqs build)");
            }
            Arrays.sort(lib);
            for (File jar : lib) {
                urls.add(jar.toURI().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> problems = loader.loadClass("org.nqs4j.benchmarks.BenchProblem");
            Object standard = problems.getMethod("standard").invoke(null);
            Object problem = standard.getClass().getMethod("get", Object.class).invoke(standard, problemName);
            if (problem == null) {
                throw new IllegalArgumentException(label + ": no bench problem " + problemName);
            }
            Object ansatz = problems.getMethod("ansatz", long.class).invoke(problem, SEED);
            Class<?> poolClass = loader.loadClass("org.nqs4j.samplers.ChainPool");
            Object pool = poolClass.getConstructor(int.class).newInstance(1);
            Class<?> bench = loader.loadClass("org.nqs4j.benchmarks.BenchCommand");
            Method factory = Arrays.stream(bench.getDeclaredMethods())
                    .filter(m -> m.getName().equals("driver") && m.getParameterCount() == 3)
                    .findFirst().orElseThrow();
            factory.setAccessible(true);
            driver = factory.invoke(null, problem, ansatz, pool);
            step = driver.getClass().getMethod("step", int.class);
        }

        /** One SR step; returns {sampling s, update s, energy}. */
        double[] step() throws Exception {
            Object r = step.invoke(driver, iteration++);
            Class<?> c = r.getClass();
            double sampling = (double) method(c, "samplingSeconds").invoke(r);
            double update = (double) method(c, "updateSeconds").invoke(r);
            Object energy = method(c, "energy").invoke(r);
            double mean = (double) method(energy.getClass(), "mean").invoke(energy);
            return new double[] {sampling, update, mean};
        }

        private static Method method(Class<?> c, String name) throws NoSuchMethodException {
            Method m = c.getMethod(name);
            m.setAccessible(true);
            return m;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: SideBySide BASE_ROOT NEW_ROOT PROBLEM WARMUP_PAIRS MEASURED_PAIRS");
            System.exit(2);
        }
        Build base = new Build("base", args[0], args[2]);
        Build next = new Build("new", args[1], args[2]);
        int warmup = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        double[] samplingRatio = new double[measured];
        double[] updateRatio = new double[measured];
        double[] stepRatio = new double[measured];
        double[][] sampling = new double[2][measured];
        double[] energies = new double[2];
        for (int pair = 0; pair < warmup + measured; pair++) {
            // alternate which build goes first, so that neither always follows the other's garbage
            boolean baseFirst = pair % 2 == 0;
            double[] a = baseFirst ? base.step() : null;
            double[] b = next.step();
            if (!baseFirst) {
                a = base.step();
            }
            energies[0] = a[2];
            energies[1] = b[2];
            if (pair >= warmup) {
                int k = pair - warmup;
                sampling[0][k] = a[0];
                sampling[1][k] = b[0];
                samplingRatio[k] = a[0] / b[0];
                updateRatio[k] = a[1] / b[1];
                stepRatio[k] = (a[0] + a[1]) / (b[0] + b[1]);
            }
        }
        System.out.printf("%s: %d warm-up + %d measured pairs; speed ratio new/base = base time / new time%n",
                args[2], warmup, measured);
        System.out.printf("  sampling s/step median: base %.5f  new %.5f%n", median(sampling[0]), median(sampling[1]));
        report("sampling", samplingRatio);
        report("update", updateRatio);
        report("step", stepRatio);
        System.out.printf("  last energies: base %.12f  new %.12f%n", energies[0], energies[1]);
    }

    /** The median ratio, a bootstrap 95 % interval of that median, and the spread of the single pairs. */
    private static void report(String what, double[] ratios) {
        double[] s = ratios.clone();
        Arrays.sort(s);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        double[] medians = new double[2000];
        double[] resample = new double[s.length];
        for (int b = 0; b < medians.length; b++) {
            for (int k = 0; k < s.length; k++) {
                resample[k] = s[random.nextInt(s.length)];
            }
            medians[b] = median(resample);
        }
        Arrays.sort(medians);
        System.out.printf("  %-8s new/base %.3f  (95%% interval of the median %.3f–%.3f; 10%%–90%% of pairs %.3f–%.3f)%n",
                what, median(s), medians[(int) (0.025 * medians.length)], medians[(int) (0.975 * medians.length) - 1],
                s[(int) (0.1 * (s.length - 1))], s[(int) Math.ceil(0.9 * (s.length - 1))]);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
