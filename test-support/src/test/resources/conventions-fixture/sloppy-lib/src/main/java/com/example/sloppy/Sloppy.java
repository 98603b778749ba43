package com.example.sloppy;

import com.example.sloppy.internal.Helper;
import com.example.sloppy.internal.HelperFailure;
import java.util.List;
import java.util.function.Supplier;

/** Leaks its internals through each kind of public signature; the private and package-private parts do not count. */
public class Sloppy extends com.example.sloppy.internal.Base implements Supplier<Helper> {

    public static final Helper SHARED = new Helper();

    protected List<? extends Helper> helpers;

    private Helper hidden = new Helper();

    public Sloppy(Helper helper) {}

    @Override
    public Helper get() {
        return hidden;
    }

    protected <T extends Helper> void accept(T helper) throws HelperFailure {}

    public Helper.Part part() {
        return new Helper.Part();
    }

    public String name() {
        Helper local = new Helper();
        return local.toString();
    }

    Helper packagePrivate() {
        return hidden;
    }

    /** A record exposes its components. */
    public record Pair(String name, Helper helper) {}

    /** A public nested interface: its members are public without saying so. */
    public interface Source {
        Helper helper();
    }

    private static final class Private {
        public Helper helper() {
            return new Helper();
        }
    }
}
