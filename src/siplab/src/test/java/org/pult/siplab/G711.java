package org.pult.siplab;

/** G.711 A-law (the classic Sun reference code), to check that tones survive the codec real calls use. */
final class G711 {

    private static final int[] SEGMENT_ENDS = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    private G711() {
    }

    static PcmAudio alawRoundTrip(PcmAudio audio) {
        short[] out = new short[audio.sampleCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = decode(encode(audio.samples()[i]));
        }
        return new PcmAudio(audio.sampleRate(), out);
    }

    static int encode(short sample) {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = 0;
        while (segment < 8 && pcm > SEGMENT_ENDS[segment]) {
            segment++;
        }
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        int code = segment << 4;
        code |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (code ^ mask) & 0xFF;
    }

    static short decode(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        switch (segment) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= segment - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
