package dev.perfplatform.testing;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The main sources of a module as javac syntax trees: parsed only, never attributed, so no class path is needed.
 * Names are resolved by {@link TypeScope} the way a reader would, through imports and the packages of the reactor.
 */
final class JavaSources {

    private static final Set<Tree.Kind> TYPE_KINDS =
            Set.of(Tree.Kind.CLASS, Tree.Kind.INTERFACE, Tree.Kind.ENUM, Tree.Kind.RECORD, Tree.Kind.ANNOTATION_TYPE);

    private JavaSources() {}

    /** Every {@code .java} file under {@code sourceRoot}, parsed; a file javac cannot parse fails the check. */
    static List<CompilationUnitTree> parse(Path sourceRoot) {
        List<Path> files = javaFiles(sourceRoot);
        if (files.isEmpty()) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(
                    null,
                    fileManager,
                    diagnostics,
                    List.of("-proc:none"),
                    null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    throw new IllegalStateException("cannot parse "
                            + diagnostic.getSource().getName() + ": " + diagnostic.getMessage(Locale.ROOT));
                }
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package a compilation unit declares; empty for the default package. */
    static String packageName(CompilationUnitTree unit) {
        return unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    }

    /** The name of a compilation unit's file without {@code .java}: its top-level type's, or {@code package-info}. */
    static String fileName(CompilationUnitTree unit) {
        String name = unit.getSourceFile().getName();
        return name.substring(name.lastIndexOf('/') + 1, name.length() - ".java".length());
    }

    /** Whether a package is {@code internal} or inside one: {@code a.internal}, {@code a.internal.b}. */
    static boolean isInternalPackage(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /** The top-level types a compilation unit declares (classes, interfaces, enums, records, annotations). */
    static List<ClassTree> topLevelTypes(CompilationUnitTree unit) {
        return unit.getTypeDecls().stream()
                .filter(ClassTree.class::isInstance)
                .map(ClassTree.class::cast)
                .toList();
    }

    /** The types declared directly inside {@code type}. */
    static List<ClassTree> nestedTypes(ClassTree type) {
        return type.getMembers().stream()
                .filter(member -> TYPE_KINDS.contains(member.getKind()))
                .map(ClassTree.class::cast)
                .toList();
    }

    /** The {@code .java} files under {@code sourceRoot}, sorted; none when it does not exist. */
    static List<Path> javaFiles(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            return walk.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
