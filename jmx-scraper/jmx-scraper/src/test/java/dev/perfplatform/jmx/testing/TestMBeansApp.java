package dev.perfplatform.jmx.testing;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * The main class of a {@link TargetJvm}: registers test MBeans with fixed values in the platform MBean server,
 * prints {@code READY} and waits until killed. Arguments: {@code attributes=N} (extra generated numeric attributes,
 * 50 per MBean) and {@code slowMillis=M} (registers {@code test:type=Slow}, whose getter sleeps M ms).
 */
public final class TestMBeansApp {

    /** The fixed epoch of {@code test:type=Misc} StartDate (whole seconds: Jolokia's ISO dates have no millis). */
    public static final long START_DATE_MILLIS = 1_700_000_000_000L;

    /** How many generated attributes each {@code test:type=Generated} MBean has. */
    public static final int GENERATED_PER_MBEAN = 50;

    private TestMBeansApp() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        registerFixed(server);
        int attributes = Integer.parseInt(options.getOrDefault("attributes", "0"));
        registerGenerated(server, attributes);
        long slowMillis = Long.parseLong(options.getOrDefault("slowMillis", "0"));
        if (slowMillis > 0) {
            server.registerMBean(
                    new FixedValuesMBean("slow").computed("Value", "long", () -> sleepThen(slowMillis)),
                    new ObjectName("test:type=Slow"));
        }
        server.registerMBean(new Control(server), new ObjectName("test:type=Control"));
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    @SuppressWarnings("JavaUtilDate") // a Date attribute is one of the cases under test
    private static void registerFixed(MBeanServer server) throws JMException {
        server.registerMBean(
                new FixedValuesMBean("numbers")
                        .with("IntValue", "int", 1)
                        .with("BoxedInteger", "java.lang.Integer", 2)
                        .with("LongValue", "long", 3L)
                        .with("BoxedLong", "java.lang.Long", 4L)
                        .with("DoubleValue", "double", 1.5)
                        .with("BoxedDouble", "java.lang.Double", 2.25)
                        .with("FloatValue", "float", 0.5f)
                        .with("BoxedFloat", "java.lang.Float", 0.25f)
                        .with("ShortValue", "short", (short) 5)
                        .with("BoxedShort", "java.lang.Short", (short) 6)
                        .with("ByteValue", "byte", (byte) 7)
                        .with("BoxedByte", "java.lang.Byte", (byte) 8)
                        .with("BigDecimalValue", "java.math.BigDecimal", new BigDecimal("12.5"))
                        .with("NaNValue", "double", Double.NaN)
                        .with("ActiveRequestCount", "long", 9L),
                new ObjectName("test:type=Numbers"));
        server.registerMBean(
                new FixedValuesMBean("misc")
                        .with("Enabled", "boolean", true)
                        .with("Disabled", "java.lang.Boolean", false)
                        .with("StartDate", "java.util.Date", new Date(START_DATE_MILLIS))
                        .with("State", "java.lang.String", "state=RUNNING")
                        .with("Unit", "java.util.concurrent.TimeUnit", TimeUnit.SECONDS)
                        .with("LongArray", "[J", new long[] {1, 2})
                        .with("StringArray", "[Ljava.lang.String;", new String[] {"x", "y"})
                        .with("PlainMap", "java.util.Map", Map.of("a", 1))
                        .with("Self", "javax.management.ObjectName", new ObjectName("test:type=Misc"))
                        .with("Composite", "javax.management.openmbean.CompositeData", composite())
                        .with("MultiTable", "javax.management.openmbean.TabularData", multiTable())
                        .withOpenType("TypedTable", multiTable().getTabularType(), multiTable())
                        .withOpenType("TypedComposite", typedComposite().getCompositeType(), typedComposite())
                        .withOpenType("ComplexTable", complexTable().getTabularType(), complexTable()),
                new ObjectName("test:type=Misc"));
        server.registerMBean(new Tables(), new ObjectName("test:type=Tables"));
        server.registerMBean(
                new FixedValuesMBean("quoted").with("Value", "int", 7),
                new ObjectName("test:type=Quoted,name=\"a,b\""));
        server.registerMBean(
                new FixedValuesMBean("ordered").with("Value", "int", 8),
                new ObjectName("test:zeta=z,alpha=a,type=Ordered"));
        server.registerMBean(
                new FixedValuesMBean("dup one").with("A_B", "int", 11), new ObjectName("test:type=Dup,name=x"));
        server.registerMBean(
                new FixedValuesMBean("dup two").with("B", "int", 12), new ObjectName("test:type=Dup-A,name=x"));
        server.registerMBean(
                new FixedValuesMBean("failing").with("Good", "int", 1).computed("Bad", "int", () -> {
                    throw new IllegalStateException("Bad always fails");
                }),
                new ObjectName("test:type=Failing"));
    }

    private static void registerGenerated(MBeanServer server, int attributes) throws JMException {
        for (int mbean = 0; mbean * GENERATED_PER_MBEAN < attributes; mbean++) {
            FixedValuesMBean generated = new FixedValuesMBean("generated " + mbean);
            for (int i = 0; i < GENERATED_PER_MBEAN && mbean * GENERATED_PER_MBEAN + i < attributes; i++) {
                generated.with("Attr" + i, "long", (long) (mbean * GENERATED_PER_MBEAN + i));
            }
            server.registerMBean(generated, new ObjectName("test:type=Generated,name=g" + mbean));
        }
    }

    static CompositeData composite() {
        try {
            CompositeType type = new CompositeType(
                    "Composite",
                    "a fixed composite",
                    new String[] {"count", "ratio", "name"},
                    new String[] {"count", "ratio", "name"},
                    new OpenType<?>[] {SimpleType.INTEGER, SimpleType.DOUBLE, SimpleType.STRING});
            return new CompositeDataSupport(
                    type, new String[] {"count", "ratio", "name"}, new Object[] {3, 0.5, "comp"});
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A composite declared with its open type: a Date item and a NaN item need the type to come out right. */
    @SuppressWarnings("JavaUtilDate") // a Date item is one of the cases under test
    static CompositeData typedComposite() {
        try {
            String[] names = {"count", "when", "missing"};
            CompositeType type = new CompositeType(
                    "TypedComposite", "a composite with its open type", names, names, new OpenType<?>[] {
                        SimpleType.INTEGER, SimpleType.DATE, SimpleType.DOUBLE
                    });
            return new CompositeDataSupport(type, names, new Object[] {4, new Date(START_DATE_MILLIS), Double.NaN});
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A table indexed by a composite column: Jolokia sends it as {indexNames, values}. */
    static TabularData complexTable() {
        try {
            String[] keyNames = {"host", "port"};
            CompositeType key = new CompositeType("Endpoint", "an endpoint", keyNames, keyNames, new OpenType<?>[] {
                SimpleType.STRING, SimpleType.INTEGER
            });
            String[] names = {"endpoint", "hits"};
            CompositeType row = new CompositeType(
                    "EndpointRow", "hits by endpoint", names, names, new OpenType<?>[] {key, SimpleType.LONG});
            TabularDataSupport table = new TabularDataSupport(
                    new TabularType("ComplexTable", "hits by endpoint", row, new String[] {"endpoint"}));
            table.put(new CompositeDataSupport(row, names, new Object[] {
                new CompositeDataSupport(key, keyNames, new Object[] {"h1", 80}), 5L
            }));
            table.put(new CompositeDataSupport(row, names, new Object[] {
                new CompositeDataSupport(key, keyNames, new Object[] {"h2", 443}), 6L
            }));
            return table;
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    static TabularData multiTable() {
        try {
            CompositeType row = new CompositeType(
                    "Row",
                    "a row by region and zone",
                    new String[] {"region", "zone", "hits", "latency"},
                    new String[] {"region", "zone", "hits", "latency"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.LONG, SimpleType.DOUBLE});
            TabularDataSupport table = new TabularDataSupport(
                    new TabularType("MultiTable", "hits by region and zone", row, new String[] {"region", "zone"}));
            String[] names = {"region", "zone", "hits", "latency"};
            table.put(new CompositeDataSupport(row, names, new Object[] {"eu", "a", 10L, 1.5}));
            table.put(new CompositeDataSupport(row, names, new Object[] {"eu", "b", 20L, 2.5}));
            table.put(new CompositeDataSupport(row, names, new Object[] {"us", "a", 30L, 3.5}));
            return table;
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sleepThen(long millis) {
        try {
            Thread.sleep(millis); // the slow target: the delay is the point here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 1L;
    }

    /** An MXBean: the JDK converts its Map and bean attributes to TabularData and CompositeData. */
    public interface TablesMXBean {
        Map<String, Long> getCounts();

        Usage getUsage();
    }

    /** The MXBean composite of {@link TablesMXBean#getUsage()}. */
    public record Usage(long used, long max) {
        public long getUsed() {
            return used;
        }

        public long getMax() {
            return max;
        }
    }

    static final class Tables implements TablesMXBean {
        @Override
        public Map<String, Long> getCounts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("a", 1L);
            counts.put("b", 2L);
            return counts;
        }

        @Override
        public Usage getUsage() {
            return new Usage(5, 10);
        }
    }

    /** Registers and unregisters MBeans at run time (tests call it through Jolokia {@code exec}). */
    public interface ControlMBean {
        void register(String name) throws JMException;

        void unregister(String name) throws JMException;
    }

    static final class Control implements ControlMBean {
        private final MBeanServer server;

        Control(MBeanServer server) {
            this.server = server;
        }

        @Override
        public void register(String name) throws JMException {
            server.registerMBean(new FixedValuesMBean("added").with("Value", "int", 1), new ObjectName(name));
        }

        @Override
        public void unregister(String name) throws JMException {
            server.unregisterMBean(new ObjectName(name));
        }
    }
}
