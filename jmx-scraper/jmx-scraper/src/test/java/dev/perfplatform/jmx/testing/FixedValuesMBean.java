package dev.perfplatform.jmx.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenType;
import org.jspecify.annotations.Nullable;

/** A dynamic MBean whose attributes have declared types, descriptions and fixed (or computed) values. */
final class FixedValuesMBean implements DynamicMBean {

    private record Attr(
            String type,
            String description,
            Supplier<Object> value,
            @Nullable OpenType<?> openType) {}

    private final Map<String, Attr> attributes = new LinkedHashMap<>();
    private final String description;

    FixedValuesMBean(String description) {
        this.description = description;
    }

    /** Adds an attribute with a fixed value; returns this for chaining. */
    FixedValuesMBean with(String name, String type, Object value) {
        return computed(name, type, () -> value);
    }

    /** Adds an attribute whose value is computed (or whose getter throws) on every read. */
    FixedValuesMBean computed(String name, String type, Supplier<Object> value) {
        attributes.put(name, new Attr(type, name + " of " + description, value, null));
        return this;
    }

    /** Adds an attribute declared with its open type (as an Open MBean does), so MBeanInfo carries the type. */
    FixedValuesMBean withOpenType(String name, OpenType<?> openType, Object value) {
        attributes.put(name, new Attr(openType.getClassName(), name + " of " + description, () -> value, openType));
        return this;
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException, MBeanException {
        Attr attr = attributes.get(name);
        if (attr == null) {
            throw new AttributeNotFoundException(name);
        }
        try {
            return attr.value().get();
        } catch (RuntimeException e) {
            throw new MBeanException(e, "getter of " + name + " failed");
        }
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        AttributeList list = new AttributeList();
        for (String name : names) {
            try {
                list.add(new Attribute(name, getAttribute(name)));
            } catch (AttributeNotFoundException | MBeanException e) {
                // as the JDK's standard MBeans do: a failing attribute is left out
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("read-only: " + attribute.getName());
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(actionName));
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        List<MBeanAttributeInfo> infos = new ArrayList<>();
        attributes.forEach((name, attr) -> infos.add(
                attr.openType() == null
                        ? new MBeanAttributeInfo(name, attr.type(), attr.description(), true, false, false)
                        : new OpenMBeanAttributeInfoSupport(
                                name, attr.description(), attr.openType(), true, false, false)));
        return new MBeanInfo(
                FixedValuesMBean.class.getName(),
                description,
                infos.toArray(MBeanAttributeInfo[]::new),
                null,
                null,
                null);
    }
}
