package dev.txsuite.launcher.load;

import dev.txsuite.launcher.SuiteFailure;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The simulations of the load-tests module, by the name {@code ./suite load} takes. */
public enum LoadSimulation {
    STEADY("steady", "dev.txsuite.load.SteadyOrders"),
    HOT_SKU("hot-sku", "dev.txsuite.load.HotSkuContention"),
    REJECTIONS("rejections", "dev.txsuite.load.RejectionMix"),
    SATURATION("saturation", "dev.txsuite.load.RampToSaturation");

    private final String shortName;
    private final String className;

    LoadSimulation(String shortName, String className) {
        this.shortName = shortName;
        this.className = className;
    }

    public String shortName() {
        return shortName;
    }

    public String className() {
        return className;
    }

    public static LoadSimulation named(String name) {
        for (var simulation : values()) {
            if (simulation.shortName.equalsIgnoreCase(name.strip())) {
                return simulation;
            }
        }
        throw new SuiteFailure("unknown simulation '" + name + "'; the simulations are " + allNames());
    }

    public static String allNames() {
        return Arrays.stream(values()).map(LoadSimulation::shortName).collect(Collectors.joining(", "));
    }
}
