package loopsmith.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loopsmith.music.LoopsmithException;

/** Appends token ids as unsigned 16-bit little-endian values, rolling over to a new shard file when one is full. */
final class ShardWriter implements AutoCloseable {
    private final Path dir;
    private final String split;
    private final long maxTokens;
    private final List<String> shards = new ArrayList<>();
    private OutputStream out;
    private long tokensInShard;
    private long totalTokens;
    private int segments;

    /** Where a segment landed. */
    record Location(String shard, long offset, int length) { }

    ShardWriter(Path dir, String split, long maxTokens) {
        this.dir = dir;
        this.split = split;
        this.maxTokens = maxTokens;
    }

    Location append(int[] ids) {
        try {
            if (out == null || (tokensInShard > 0 && tokensInShard + ids.length > maxTokens)) openNext();
            byte[] buf = new byte[ids.length * 2];
            for (int i = 0; i < ids.length; i++) {
                buf[2 * i] = (byte) ids[i];
                buf[2 * i + 1] = (byte) (ids[i] >>> 8);
            }
            out.write(buf);
            Location at = new Location(shards.get(shards.size() - 1), tokensInShard, ids.length);
            tokensInShard += ids.length;
            totalTokens += ids.length;
            segments++;
            return at;
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot write shard: " + e.getMessage(), e);
        }
    }

    private void openNext() throws IOException {
        if (out != null) out.close();
        String name = DatasetFormat.shardName(split, shards.size());
        shards.add(name);
        out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
        tokensInShard = 0;
    }

    List<String> shards() {
        return List.copyOf(shards);
    }

    long tokens() {
        return totalTokens;
    }

    int segments() {
        return segments;
    }

    @Override
    public void close() {
        try {
            if (out == null) openNext(); // an empty split still gets its (empty) shard, so readers need no special case
            out.close();
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot close shard: " + e.getMessage(), e);
        }
    }
}
