package org.pult.softphone.linphone;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads the 16-bit PCM mono WAV files the engine plays and records in file-audio mode. */
final class ToneWav {

    private ToneWav() {
    }

    /** One second of a sine tone at 8 kHz; the engine loops it as its microphone. */
    static Path write(Path file, double hertz) throws IOException {
        int rate = 8000;
        int samples = rate;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * hertz * i / rate)));
        }
        return Files.write(file, wav.array());
    }

    /** The samples of a 16-bit PCM WAV, first channel, and its sample rate. */
    record Pcm(int rate, short[] samples) {
        double seconds() {
            return samples.length / (double) rate;
        }

        /** Longest run of exactly-zero samples, in seconds. */
        double longestSilenceSeconds() {
            int longest = 0;
            int run = 0;
            for (short sample : samples) {
                run = sample == 0 ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            return longest / (double) rate;
        }
    }

    static Pcm read(Path file) throws IOException {
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        wav.position(12);
        int rate = 0;
        int channels = 1;
        while (wav.remaining() >= 8) {
            byte[] id = new byte[4];
            wav.get(id);
            int length = wav.getInt();
            String name = new String(id);
            if (name.equals("fmt ")) {
                int start = wav.position();
                wav.getShort();
                channels = wav.getShort();
                rate = wav.getInt();
                wav.position(start + length);
            } else if (name.equals("data")) {
                int count = Math.min(length, wav.remaining()) / 2 / channels;
                short[] samples = new short[count];
                for (int i = 0; i < count; i++) {
                    samples[i] = wav.getShort();
                    wav.position(wav.position() + 2 * (channels - 1));
                }
                return new Pcm(rate, samples);
            } else {
                wav.position(wav.position() + length + (length & 1));
            }
        }
        throw new IOException("no data chunk in " + file);
    }
}
