package loopsmith.starter;

import java.util.List;
import loopsmith.music.Piece;
import loopsmith.music.Role;

/** One loop of the starter corpus and the labels it is filed under. */
public record StarterLoop(String path, Piece piece, String genre, String style, String mood, double bpm,
                          String key, String timeSignature, int bars, List<Role> roles) { }
