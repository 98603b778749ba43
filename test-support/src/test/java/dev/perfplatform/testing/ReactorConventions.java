package dev.perfplatform.testing;

import com.sun.source.tree.CompilationUnitTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The rules every module of the reactor follows, read from its POMs and sources: published libraries are
 * {@code @NullMarked} in every package, name their module, install a clean POM and appear in the BOM; every module
 * with code feeds the coverage report; no public API mentions an {@code internal} type and no module uses another's
 * {@code internal} package ({@link PublicApiRule}); the packages of a module depend on each other without cycles
 * ({@link PackageCycleRule}). The main sources are parsed once ({@link JavaSources}) and read by both source rules.
 */
final class ReactorConventions {

    private ReactorConventions() {}

    record Module(String folder, Path dir, String artifactId, String packaging, Element pom) {
        boolean published() {
            return !"true".equals(property(pom, "perfplatform.skipPublishing"));
        }

        boolean hasCode() {
            return !packaging.equals("pom");
        }

        Path mainSources() {
            return dir.resolve("src/main/java");
        }
    }

    static List<String> violations(Path root) {
        List<Module> modules = modules(root);
        Set<String> inBom = artifactIds(modules, "bom", "dependencyManagement");
        Set<String> inCoverage = artifactIds(modules, "coverage-report", "dependencies");
        List<String> violations = new ArrayList<>();
        for (Module module : modules) {
            if (module.hasCode() && !inCoverage.contains(module.artifactId())) {
                violations.add(module.folder() + ": not a dependency of coverage-report/pom.xml");
            }
            if (!module.hasCode() || !module.published()) {
                continue;
            }
            if (!inBom.contains(module.artifactId())) {
                violations.add(module.folder() + ": published but missing from bom/pom.xml");
            }
            if (property(module.pom(), "perfplatform.automaticModuleName").isEmpty()) {
                violations.add(module.folder() + ": published but sets no perfplatform.automaticModuleName");
            }
            if (!"ossrh".equals(property(module.pom(), "perfplatform.flattenMode"))) {
                violations.add(module.folder() + ": published but perfplatform.flattenMode is not ossrh");
            }
            violations.addAll(packagesWithoutNullMarked(module));
        }
        Map<Module, List<CompilationUnitTree>> sources = new LinkedHashMap<>();
        modules.stream()
                .filter(Module::hasCode)
                .forEach(module -> sources.put(module, JavaSources.parse(module.mainSources())));
        violations.addAll(PublicApiRule.violations(sources));
        violations.addAll(PackageCycleRule.violations(sources));
        return violations;
    }

    private static List<String> packagesWithoutNullMarked(Module module) {
        Path sources = module.mainSources();
        Set<Path> packages = JavaSources.javaFiles(sources).stream()
                .map(Path::getParent)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        List<String> violations = new ArrayList<>();
        try {
            for (Path pkg : packages) {
                Path info = pkg.resolve("package-info.java");
                if (!Files.exists(info) || !Files.readString(info).contains("@NullMarked")) {
                    violations.add(module.folder() + ": package "
                            + sources.relativize(pkg).toString().replace('/', '.')
                            + " has no package-info.java with @NullMarked");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    static List<Module> modules(Path root) {
        Element rootPom = read(root.resolve("pom.xml"));
        List<Module> modules = new ArrayList<>();
        for (String folder : texts(child(rootPom, "modules"), "module")) {
            Path dir = root.resolve(folder);
            Element pom = read(dir.resolve("pom.xml"));
            String packaging = text(pom, "packaging");
            modules.add(new Module(folder, dir, text(pom, "artifactId"), packaging.isEmpty() ? "jar" : packaging, pom));
        }
        return modules;
    }

    private static Set<String> artifactIds(List<Module> modules, String folder, String section) {
        return modules.stream()
                .filter(module -> module.folder().equals(folder))
                .findFirst()
                .map(module -> {
                    Element container = child(module.pom(), section);
                    if (section.equals("dependencyManagement")) {
                        container = child(container, "dependencies");
                    }
                    return children(container, "dependency").stream()
                            .map(dependency -> text(dependency, "artifactId"))
                            .collect(Collectors.toSet());
                })
                .orElse(Set.of());
    }

    static String property(Element pom, String name) {
        return text(child(pom, "properties"), name);
    }

    private static Element read(Path pom) {
        try {
            Document document =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? parent.getOwnerDocument().createElement(name) : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream()
                .map(e -> e.getTextContent().strip())
                .toList();
    }
}
