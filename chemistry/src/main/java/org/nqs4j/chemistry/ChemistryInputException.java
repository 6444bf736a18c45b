package org.nqs4j.chemistry;

/**
 * A mistake in an input file or option (XYZ, FCIDUMP, charge, multiplicity, basis name); the
 * message names the file and line and what is allowed, so the CLI prints it and exits 2.
 */
public final class ChemistryInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChemistryInputException(String message) {
        super(message);
    }

    /** "FILE:LINE: message". */
    public static ChemistryInputException at(String file, int line, String message) {
        return new ChemistryInputException(file + ":" + line + ": " + message);
    }
}
