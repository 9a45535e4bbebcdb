package loopsmith.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (Maven fills it in), or "dev" when run from classes. */
final class Version implements IVersionProvider {
    /** CC BY asks that the data a shipped model learned from be named wherever the model goes (models/NOTICE). */
    static final String MODEL_DATA = "bundled model trained on the Loopsmith starter loops (CC0-1.0), the Groove MIDI Dataset "
            + "(Google Magenta, CC BY 4.0) and POP909 (Music X Lab, MIT): see models/NOTICE";

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"loopsmith " + current(), MODEL_DATA};
    }
}
