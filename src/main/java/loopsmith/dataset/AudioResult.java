package loopsmith.dataset;

/**
 * What ingest made of one audio file, as cached between runs: its catalogue entry and, for a transcribed drum loop,
 * the transcription as it went through the MIDI path (null otherwise).
 */
record AudioResult(IngestReport.AudioEntry entry, FileResult transcription) {
    boolean transcribed() {
        return transcription != null && transcription.ingested();
    }
}
