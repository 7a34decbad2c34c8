package io.poollab.history;

import io.poollab.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Hands out run ids that are unique within one PoolLab home, also across processes (a file lock guards the
 * counter). The history store will take over id allocation when runs are recorded in H2.
 */
public final class RunIdSequence {

    private final Path file;

    public RunIdSequence(Path home) {
        this.file = home.resolve("next-run-id");
    }

    public long next() throws ConfigException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            long id = text.isEmpty() ? 1 : Long.parseLong(text);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(id + 1).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return id;
        } catch (IOException | NumberFormatException e) {
            throw new ConfigException("cannot allocate a run id in " + file + ": " + e.getMessage());
        }
    }
}
