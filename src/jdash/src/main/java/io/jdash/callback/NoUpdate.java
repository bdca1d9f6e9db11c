package io.jdash.callback;

/**
 * Dash's {@code no_update}: returned in place of an output's value, it leaves that output as it is while the
 * others update. {@code import static io.jdash.callback.NoUpdate.noUpdate;}
 */
public final class NoUpdate {

    private static final NoUpdate INSTANCE = new NoUpdate();

    private NoUpdate() {
    }

    public static NoUpdate noUpdate() {
        return INSTANCE;
    }

    /** What leaves every output of {@code callback} as it is: one {@code noUpdate}, or a list of one per output. */
    public static Object forEveryOutput(Callback callback) {
        return callback.hasMultipleOutputs()
                ? java.util.Collections.nCopies(callback.outputs().size(), INSTANCE) : INSTANCE;
    }

    @Override
    public String toString() {
        return "noUpdate";
    }
}
