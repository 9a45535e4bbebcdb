package loopsmith.starter;

/** The idioms a genre's parts are played in; each part writer knows how to play each of its own. */
final class Parts {
    private Parts() {}

    enum Drums { HOUSE, TECHNO, BOOM_BAP, LOFI, TRAP, DNB, FUNK, POP, ROCK, ONE_DROP, JAZZ, AMBIENT }

    enum Bass { OFFBEAT, ROLLING, HIP_HOP, EIGHT_O_EIGHT, REESE, FUNK, ROOT_EIGHTHS, REGGAE, WALKING, DRONE }

    enum Comp { STABS, PAD, SUSTAINED, SKANK, CLAV, POWER, COMPING, PIANO_PULSE }

    enum Lead { RIFF, HOOK, SPARSE, BELLS, LINE, FLOATING }
}
