package dev.perfplatform.testing;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.perfplatform.testing.ReactorConventions.Module;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The public API is a promise, so it mentions no {@code internal} type: a public or protected signature of an exported
 * type outside {@code internal} packages (supertypes, type parameter bounds, method return, parameter and throws
 * types, field types, record components) names no type of an {@code internal} package, and no module's main code
 * uses another module's {@code internal} package (the owner of a package is the module whose main sources declare
 * it).
 *
 * <p>Written here rather than with ArchUnit: the rule is about sources per module (which module's {@code
 * src/main/java} declares a package), javac's own parser reads them without a build or a class path, and the JDK
 * already ships it.
 */
final class PublicApiRule {

    private final Map<Module, List<CompilationUnitTree>> sources = new LinkedHashMap<>();
    private final Map<String, Set<Module>> packageOwners = new LinkedHashMap<>();
    private final Set<String> reactorTypes = new HashSet<>();
    private final Set<String> violations = new LinkedHashSet<>();

    private PublicApiRule(Map<Module, List<CompilationUnitTree>> sources) {
        sources.forEach((module, units) -> {
            this.sources.put(module, units);
            for (CompilationUnitTree unit : units) {
                String packageName = JavaSources.packageName(unit);
                packageOwners
                        .computeIfAbsent(packageName, name -> new LinkedHashSet<>())
                        .add(module);
                Map<String, String> declared = new LinkedHashMap<>();
                for (ClassTree type : JavaSources.topLevelTypes(unit)) {
                    TypeScope.declare(
                            type,
                            TypeScope.qualify(packageName, type.getSimpleName().toString()),
                            declared);
                }
                reactorTypes.addAll(declared.values());
            }
        });
    }

    /** The violations in the main sources of each module, as {@link JavaSources#parse} reads them. */
    static List<String> violations(Map<Module, List<CompilationUnitTree>> sources) {
        PublicApiRule rule = new PublicApiRule(sources);
        rule.sources.forEach((module, units) -> units.forEach(unit -> rule.check(module, unit)));
        return new ArrayList<>(rule.violations);
    }

    private void check(Module module, CompilationUnitTree unit) {
        String packageName = JavaSources.packageName(unit);
        checkUsesOfOtherModulesInternals(module, unit);
        if (JavaSources.isInternalPackage(packageName)) {
            return;
        }
        TypeScope scope = TypeScope.of(unit, reactorTypes);
        for (ClassTree type : JavaSources.topLevelTypes(unit)) {
            if (type.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                checkSignatures(
                        module,
                        type,
                        TypeScope.qualify(packageName, type.getSimpleName().toString()),
                        scope);
            }
        }
    }

    private void checkUsesOfOtherModulesInternals(Module module, CompilationUnitTree unit) {
        String file = TypeScope.qualify(JavaSources.packageName(unit), JavaSources.fileName(unit));
        new TreeScanner<Void, Void>() {
            @Override
            public @Nullable Void visitMemberSelect(MemberSelectTree node, @Nullable Void unused) {
                String qualifier = node.getExpression().toString();
                Set<Module> owners = packageOwners.getOrDefault(qualifier, Set.of());
                if (JavaSources.isInternalPackage(qualifier) && !owners.isEmpty() && !owners.contains(module)) {
                    violations.add(module.folder() + ": " + file + " uses " + qualifier + ", internal to "
                            + owners.iterator().next().folder());
                }
                return super.visitMemberSelect(node, null);
            }
        }.scan(unit, null);
    }

    private void checkSignatures(Module module, ClassTree type, String typeName, TypeScope outer) {
        TypeScope scope = outer.withTypeVariables(type.getTypeParameters());
        Set<String> header = new LinkedHashSet<>();
        type.getTypeParameters().forEach(parameter -> header.addAll(scope.mentionedTypes(parameter)));
        header.addAll(scope.mentionedTypes(type.getExtendsClause()));
        type.getImplementsClause().forEach(supertype -> header.addAll(scope.mentionedTypes(supertype)));
        report(module, typeName, header);
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree nested) {
                if (exported(nested.getModifiers(), type)) {
                    checkSignatures(module, nested, typeName + "." + nested.getSimpleName(), scope);
                }
            } else if (member instanceof MethodTree method) {
                if (exported(method.getModifiers(), type)) {
                    checkMethod(module, method, typeName, scope);
                }
            } else if (member instanceof VariableTree field) {
                if (exported(field.getModifiers(), type) || isRecordComponent(field, type)) {
                    report(module, typeName + "." + field.getName(), scope.mentionedTypes(field.getType()));
                }
            }
        }
    }

    private void checkMethod(Module module, MethodTree method, String typeName, TypeScope outer) {
        TypeScope scope = outer.withTypeVariables(method.getTypeParameters());
        Set<String> mentioned = new LinkedHashSet<>();
        method.getTypeParameters().forEach(parameter -> mentioned.addAll(scope.mentionedTypes(parameter)));
        mentioned.addAll(scope.mentionedTypes(method.getReturnType()));
        method.getParameters().forEach(parameter -> mentioned.addAll(scope.mentionedTypes(parameter.getType())));
        method.getThrows().forEach(thrown -> mentioned.addAll(scope.mentionedTypes(thrown)));
        report(module, typeName + "." + method.getName() + "()", mentioned);
    }

    private void report(Module module, String signature, Set<String> mentionedTypes) {
        for (String mentioned : mentionedTypes) {
            int lastDot = mentioned.lastIndexOf('.');
            if (lastDot > 0 && JavaSources.isInternalPackage(mentioned.substring(0, lastDot))) {
                violations.add(module.folder() + ": public " + signature + " mentions internal " + mentioned);
            }
        }
    }

    /** Public or protected, or a member of an interface or annotation type that is not private. */
    private static boolean exported(ModifiersTree modifiers, ClassTree owner) {
        Set<Modifier> flags = modifiers.getFlags();
        if (flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)) {
            return true;
        }
        boolean interfaceMember =
                owner.getKind() == Tree.Kind.INTERFACE || owner.getKind() == Tree.Kind.ANNOTATION_TYPE;
        return interfaceMember && !flags.contains(Modifier.PRIVATE);
    }

    /** A record's instance fields are its components, whose accessors are public. */
    private static boolean isRecordComponent(VariableTree field, ClassTree owner) {
        return owner.getKind() == Tree.Kind.RECORD
                && !field.getModifiers().getFlags().contains(Modifier.STATIC);
    }
}
