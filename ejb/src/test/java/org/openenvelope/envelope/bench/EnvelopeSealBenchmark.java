package org.openenvelope.envelope.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openenvelope.envelope.EnvelopeBinding;
import org.openenvelope.envelope.EnvelopeCipher;
import org.openenvelope.envelope.RecipientKind;
import org.openenvelope.envelope.SecuredocAttachment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openenvelope.branding.Brand;

/**
 * Sealing a message of 1 MB and of 10 MB: our {@link EnvelopeCipher} (fresh key, associated data of the envelope's
 * record, header) against bare JCA AES-256-GCM over the same bytes, in one run; and, for scale, sealing plus
 * rendering the securedoc attachment (base64). Run with {@code bench/envelope-seal.sh}; it prints the ratio per
 * size. Target: ours at least 50 % of raw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class EnvelopeSealBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Param({"1", "10"})
    public int megabytes;

    private byte[] message;
    private EnvelopeBinding binding;
    private SecretKeySpec rawKey;

    @Setup
    public void prepare() {
        message = new byte[megabytes * 1024 * 1024];
        new Random(megabytes).nextBytes(message);
        binding = new EnvelopeBinding("AAAAAAAAAAAAAAAAAAAAAA", "12345674", "sender@bench.example",
                List.of(new EnvelopeBinding.Addressee(RecipientKind.TO, "reader@partner.example"),
                        new EnvelopeBinding.Addressee(RecipientKind.CC, "copy@partner.example"),
                        new EnvelopeBinding.Addressee(RecipientKind.BCC, "hidden@elsewhere.example")),
                EnvelopeCipher.KEY_VERSION);
        rawKey = new SecretKeySpec(EnvelopeCipher.newKey(), "AES");
    }

    @Benchmark
    public byte[] ourSeal() {
        return EnvelopeCipher.encrypt(EnvelopeCipher.newKey(), binding, EnvelopeBinding.Part.MESSAGE, message);
    }

    @Benchmark
    public byte[] rawJcaAesGcm() throws Exception {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(message);
    }

    @Benchmark
    public byte[] ourSealAndAttachment() {
        byte[] ciphertext = EnvelopeCipher.encrypt(EnvelopeCipher.newKey(), binding, EnvelopeBinding.Part.MESSAGE, message);
        return SecuredocAttachment.render("AAAAAAAAAAAAAAAAAAAAAA", ciphertext, "https://envelope.bench.example",
                "sender@bench.example", Brand.standard("Bench Account"), Instant.EPOCH);
    }

    /** Runs the benchmarks and prints, per size, ours as a share of raw JCA. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(EnvelopeSealBenchmark.class.getName()).build()).run();
        for (int size : List.of(1, 10)) {
            double ours = score(results, "ourSeal", size);
            double raw = score(results, "rawJcaAesGcm", size);
            double withAttachment = score(results, "ourSealAndAttachment", size);
            System.out.printf("%n%2d MB: ours %7.1f MB/s, raw JCA AES-GCM %7.1f MB/s: ours = %.0f %% of raw (target >= 50 %%);"
                            + " with the securedoc attachment %7.1f MB/s%n",
                    size, ours * size, raw * size, 100 * ours / raw, withAttachment * size);
        }
    }

    private static double score(Collection<RunResult> results, String benchmark, int size) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark)
                        && String.valueOf(size).equals(r.getParams().getParam("megabytes")))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
    }
}
