package dev.perfplatform.testing;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.TreeScanner;
import dev.perfplatform.testing.ReactorConventions.Module;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The packages of a module's main sources depend on each other without cycles, so each one can be understood, tested
 * and moved without the others that depend on it. Package A depends on package B of the same module when a file of A
 * imports a type of B (single-type, static or on-demand import) or names one by its qualified name in the code; a
 * parent package and its child are two packages like any others. Names are matched against the module's own
 * top-level types, read from its sources like {@link PublicApiRule} does (parsed, not attributed), so a package of
 * another module never counts, even when its name starts with one of this module's packages.
 *
 * <p>One kind of edge is exempt: from a package under {@code X.internal} to X's public API ({@code X} itself or a
 * subpackage of it that is not internal). A library's public package creates its implementations in its
 * {@code internal} packages, and those implement the public interfaces and take the public types: that is an
 * implementation using the API it implements, not a lower layer reaching up, so a public package and its
 * {@code internal} one using each other make no cycle. Every other edge counts: from a public package to an internal
 * one, between two internal packages, and from {@code X.internal} to another package's {@code internal}.
 *
 * <p>Each strongly connected component of more than one package is reported once, as one cycle through its first
 * package with, for each step, the lexicographically first file that makes it and the type it names there (names are
 * shortened to what follows the packages' common prefix); a component larger than that cycle lists its packages too.
 */
final class PackageCycleRule {

    /** A file of one package naming a type (or, for {@code import b.*}, a package) of another. */
    private record Evidence(String file, String target) implements Comparable<Evidence> {
        @Override
        public int compareTo(Evidence other) {
            int byFile = file.compareTo(other.file);
            return byFile != 0 ? byFile : target.compareTo(other.target);
        }
    }

    private final Set<String> packages = new TreeSet<>();
    /** The qualified names of the module's top-level types. */
    private final Set<String> types = new HashSet<>();
    /** For each package, the packages it depends on, with the first evidence of each edge. */
    private final Map<String, SortedMap<String, Evidence>> edges = new TreeMap<>();

    private PackageCycleRule(List<CompilationUnitTree> units) {
        for (CompilationUnitTree unit : units) {
            String packageName = JavaSources.packageName(unit);
            packages.add(packageName);
            edges.putIfAbsent(packageName, new TreeMap<>());
            JavaSources.topLevelTypes(unit)
                    .forEach(type -> types.add(
                            TypeScope.qualify(packageName, type.getSimpleName().toString())));
        }
        units.forEach(this::collect);
    }

    static List<String> violations(Map<Module, List<CompilationUnitTree>> sources) {
        List<String> violations = new ArrayList<>();
        sources.forEach((module, units) -> new PackageCycleRule(units)
                .cycles()
                .forEach(cycle -> violations.add(module.folder() + ": package cycle " + cycle)));
        return violations;
    }

    private void collect(CompilationUnitTree unit) {
        String from = JavaSources.packageName(unit);
        String file = TypeScope.qualify(from, JavaSources.fileName(unit));
        for (ImportTree imported : unit.getImports()) {
            String written = imported.getQualifiedIdentifier().toString();
            boolean onDemand = written.endsWith(".*");
            String named = imported.isStatic() || onDemand ? written.substring(0, written.lastIndexOf('.')) : written;
            if (onDemand && !imported.isStatic() && packages.contains(named)) {
                addEdge(from, named, file, written);
            } else {
                String owner = packageOfType(named);
                if (owner != null) {
                    addEdge(from, owner, file, named);
                }
            }
        }
        new TreeScanner<Void, Void>() {
            @Override
            public @Nullable Void visitMemberSelect(MemberSelectTree node, @Nullable Void unused) {
                String written = node.toString();
                if (types.contains(written)) { // a qualified name in the code: a.b.C, met before its a.b
                    addEdge(from, node.getExpression().toString(), file, written);
                    return null;
                }
                return super.visitMemberSelect(node, null);
            }
        }.scan(unit.getTypeDecls(), null);
    }

    /** The package of the module's type that {@code name} is or lies in ({@code a.b} for a.b.C.Inner), if any. */
    private @Nullable String packageOfType(String name) {
        for (int end = name.length(); end > 0; end = name.lastIndexOf('.', end - 1)) {
            String prefix = name.substring(0, end);
            if (types.contains(prefix) && prefix.indexOf('.') > 0) {
                return prefix.substring(0, prefix.lastIndexOf('.'));
            }
        }
        return null;
    }

    private void addEdge(String from, String to, String file, String target) {
        if (!from.equals(to) && !implementsItsApi(from, to)) {
            edges.get(from).merge(to, new Evidence(file, target), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
    }

    /** Whether {@code from} lies under {@code X.internal} and {@code to} is X or a subpackage of X outside internal. */
    private static boolean implementsItsApi(String from, String to) {
        int internal = ("." + from + ".").indexOf(".internal.");
        if (internal <= 0 || JavaSources.isInternalPackage(to)) {
            return false;
        }
        String api = from.substring(0, internal - 1); // X, before the first internal segment
        return to.equals(api) || to.startsWith(api + ".");
    }

    /** One message per strongly connected component of more than one package, in the order of their packages. */
    private List<String> cycles() {
        Map<String, Set<String>> reachable = new HashMap<>();
        packages.forEach(pkg -> reachable.put(pkg, reachableFrom(pkg)));
        Set<String> reported = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        for (String pkg : packages) {
            if (reported.contains(pkg)) {
                continue;
            }
            SortedSet<String> component = reachable.get(pkg).stream()
                    .filter(other -> reachable.get(other).contains(pkg))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (component.size() > 1) {
                reported.addAll(component);
                messages.add(describe(component, shortestCycle(pkg, component)));
            }
        }
        return messages;
    }

    private Set<String> reachableFrom(String start) {
        Set<String> seen = new TreeSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            for (String next : edges.get(queue.remove()).keySet()) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    /** The shortest way from {@code start} back to it, breadth first in package order: start, ..., last. */
    private List<String> shortestCycle(String start, Set<String> component) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String current = queue.remove();
            for (String next : edges.get(current).keySet()) {
                if (next.equals(start)) {
                    List<String> cycle = new ArrayList<>();
                    for (String step = current; step != null; step = cameFrom.get(step)) {
                        cycle.add(0, step);
                    }
                    return cycle;
                }
                if (component.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException(start + " is in no cycle");
    }

    private String describe(SortedSet<String> component, List<String> cycle) {
        String prefix = commonParent(component);
        StringBuilder message = new StringBuilder(
                cycle.size() == 2
                        ? cycle.get(0) + " <-> " + cycle.get(1)
                        : String.join(" -> ", cycle) + " -> " + cycle.get(0));
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            Evidence evidence = edges.get(cycle.get(i)).get(cycle.get((i + 1) % cycle.size()));
            steps.add(shorten(evidence.file(), prefix) + " -> " + shorten(evidence.target(), prefix));
        }
        message.append(" (").append(String.join("; ", steps)).append(')');
        if (cycle.size() < component.size()) {
            message.append(", one of the cycles among ")
                    .append(component.stream().map(pkg -> shorten(pkg, prefix)).collect(Collectors.joining(", ")));
        }
        return message.toString();
    }

    /** The longest package prefix strictly above every package of the component: {@code a} for a.x and a.x.y. */
    private static String commonParent(SortedSet<String> component) {
        String first = component.first();
        String last = component.last(); // sorted, so what the first and last share every one shares
        int end = 0;
        for (int dot = first.indexOf('.'); dot > 0; dot = first.indexOf('.', dot + 1)) {
            String candidate = first.substring(0, dot + 1);
            if (!last.startsWith(candidate)) {
                break;
            }
            end = dot + 1;
        }
        return first.substring(0, end);
    }

    private static String shorten(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
}
