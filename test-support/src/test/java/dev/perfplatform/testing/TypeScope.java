package dev.perfplatform.testing;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the simple type names of one source file as a reader would, without attribution: type variables, then
 * the file's own types, single imports, the file's package and on-demand imports, looked up among the types of the
 * reactor. A name found nowhere (java.lang, a library behind an on-demand import) stays unresolved.
 */
final class TypeScope {

    private final Set<String> reactorTypes;
    private final String packageName;
    private final Map<String, String> declaredInFile;
    private final Map<String, String> singleImports;
    private final List<String> onDemandImports;
    private final Set<String> typeVariables;

    private TypeScope(
            Set<String> reactorTypes,
            String packageName,
            Map<String, String> declaredInFile,
            Map<String, String> singleImports,
            List<String> onDemandImports,
            Set<String> typeVariables) {
        this.reactorTypes = reactorTypes;
        this.packageName = packageName;
        this.declaredInFile = declaredInFile;
        this.singleImports = singleImports;
        this.onDemandImports = onDemandImports;
        this.typeVariables = typeVariables;
    }

    /** The scope at the top of {@code unit}; {@code reactorTypes} holds the qualified name of every type we own. */
    static TypeScope of(CompilationUnitTree unit, Set<String> reactorTypes) {
        String packageName = JavaSources.packageName(unit);
        Map<String, String> declared = new HashMap<>();
        for (ClassTree type : JavaSources.topLevelTypes(unit)) {
            declare(type, qualify(packageName, type.getSimpleName().toString()), declared);
        }
        Map<String, String> singleImports = new HashMap<>();
        List<String> onDemandImports = new ArrayList<>();
        List<ImportTree> imports = new ArrayList<>(unit.getImports());
        imports.sort((a, b) -> Boolean.compare(a.isStatic(), b.isStatic())); // a type import wins over a static one
        for (ImportTree imported : imports) {
            MemberSelectTree name = (MemberSelectTree) imported.getQualifiedIdentifier();
            if (name.getIdentifier().contentEquals("*")) {
                onDemandImports.add(name.getExpression().toString());
            } else {
                singleImports.putIfAbsent(name.getIdentifier().toString(), name.toString());
            }
        }
        return new TypeScope(reactorTypes, packageName, declared, singleImports, onDemandImports, Set.of());
    }

    /** Every type a file declares, nested ones included, by qualified name. */
    static void declare(ClassTree type, String qualifiedName, Map<String, String> bySimpleName) {
        bySimpleName.putIfAbsent(type.getSimpleName().toString(), qualifiedName);
        for (ClassTree nested : JavaSources.nestedTypes(type)) {
            declare(nested, qualifiedName + "." + nested.getSimpleName(), bySimpleName);
        }
    }

    static String qualify(String packageName, String name) {
        return packageName.isEmpty() ? name : packageName + "." + name;
    }

    /** This scope inside a generic declaration, where its type variables hide types of the same name. */
    TypeScope withTypeVariables(List<? extends TypeParameterTree> parameters) {
        if (parameters.isEmpty()) {
            return this;
        }
        Set<String> variables = new HashSet<>(typeVariables);
        parameters.forEach(parameter -> variables.add(parameter.getName().toString()));
        return new TypeScope(reactorTypes, packageName, declaredInFile, singleImports, onDemandImports, variables);
    }

    /** The qualified name a simple type name stands for here, or null when it is a type variable or unknown. */
    @Nullable
    String resolve(String simpleName) {
        if (typeVariables.contains(simpleName)) {
            return null;
        }
        String found = declaredInFile.getOrDefault(simpleName, singleImports.get(simpleName));
        if (found != null) {
            return found;
        }
        String samePackage = qualify(packageName, simpleName);
        if (reactorTypes.contains(samePackage)) {
            return samePackage;
        }
        return onDemandImports.stream()
                .map(qualifier -> qualifier + "." + simpleName)
                .filter(reactorTypes::contains)
                .findFirst()
                .orElse(null);
    }

    /**
     * The qualified names of the types a type tree mentions, type arguments, bounds and array elements included;
     * annotations on the types are not part of the type.
     */
    Set<String> mentionedTypes(@Nullable Tree typeTree) {
        Set<String> mentioned = new LinkedHashSet<>();
        if (typeTree != null) {
            typeTree.accept(new Mentions(), mentioned);
        }
        return mentioned;
    }

    private final class Mentions extends TreeScanner<Void, Set<String>> {
        @Override
        public @Nullable Void visitIdentifier(IdentifierTree node, Set<String> mentioned) {
            String resolved = resolve(node.getName().toString());
            if (resolved != null) {
                mentioned.add(resolved);
            }
            return null;
        }

        @Override
        public @Nullable Void visitMemberSelect(MemberSelectTree node, Set<String> mentioned) {
            Tree head = node;
            while (head instanceof MemberSelectTree select) {
                head = select.getExpression();
            }
            if (!(head instanceof IdentifierTree first)) {
                return super.visitMemberSelect(node, mentioned);
            }
            // Outer.Inner through the outer type's resolution; otherwise the name is already qualified.
            String written = node.toString();
            String resolvedFirst = resolve(first.getName().toString());
            mentioned.add(
                    resolvedFirst == null
                            ? written
                            : resolvedFirst + written.substring(first.getName().length()));
            return null;
        }

        @Override
        public @Nullable Void visitAnnotation(AnnotationTree node, Set<String> mentioned) {
            return null;
        }
    }
}
