package loopsmith.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (Maven fills it in), or "dev" when run from classes. */
final class Version implements IVersionProvider {
    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"loopsmith " + current()};
    }
}
