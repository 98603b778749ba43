package dev.perfplatform.jmx.internal.exposition;

import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The deterministic order of a page: families by name, each family's samples by labels (as client_java sorts). */
public final class PageOrder {

    /** Labels compared name by name and value by value, the shorter first when one is a prefix of the other. */
    public static final Comparator<Labels> LABELS = PageOrder::compare;

    /** Families by name. */
    public static final Comparator<MetricFamily> FAMILIES = Comparator.comparing(MetricFamily::name);

    /** Samples by labels. */
    public static final Comparator<Sample> SAMPLES = Comparator.comparing(Sample::labels, LABELS);

    private PageOrder() {}

    /** The page in order; the same list when it already is, so a sorted page costs no copy. */
    public static List<MetricFamily> sorted(List<MetricFamily> page) {
        List<MetricFamily> families = isSorted(page, FAMILIES) ? page : sortedCopy(page, FAMILIES);
        List<MetricFamily> result = families;
        for (int i = 0; i < families.size(); i++) {
            MetricFamily family = families.get(i);
            if (!isSorted(family.samples(), SAMPLES)) {
                if (result == page) {
                    result = new ArrayList<>(families);
                }
                result.set(
                        i,
                        new MetricFamily(
                                family.name(), family.type(), family.help(), sortedCopy(family.samples(), SAMPLES)));
            }
        }
        return result;
    }

    private static int compare(Labels left, Labels right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int byName = left.names().get(i).compareTo(right.names().get(i));
            if (byName != 0) {
                return byName;
            }
            int byValue = left.values().get(i).compareTo(right.values().get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static <T> boolean isSorted(List<T> list, Comparator<? super T> order) {
        for (int i = 1; i < list.size(); i++) {
            if (order.compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> sortedCopy(List<T> list, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(list);
        copy.sort(order);
        return copy;
    }
}
