package org.openenvelope.saml.bench;

import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.validation.IdentityProviderTrust;
import org.openenvelope.saml.validation.ResponseValidator;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.validation.ValidatedAssertion;
import org.openenvelope.saml.xml.OpenSaml;
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
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/**
 * ACS validation of a signed Response with a signed Assertion (plain, and with the assertion encrypted): our full
 * {@link ResponseValidator} against the same work done with bare OpenSAML calls (parse, unmarshal, signature profile
 * and cryptographic validation of both signatures, decryption). Run with {@code bench/acs-validation.sh}; it prints
 * the ratio per variant. Target: ours at least 60 % of the bare baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AcsValidationBenchmark {

    private static final String ACS = "https://sp.bench.example/saml/12345674/acs";
    private static final String SP = "https://sp.bench.example/saml/12345674";
    private static final String IDP = "https://idp.bench.example";

    @Param({"signed", "encrypted"})
    public String variant;

    private byte[] response;
    private ResponseValidator validator;
    private BasicX509Credential idpKey;
    private BasicX509Credential spKey;

    @Setup
    public void prepare() {
        OpenSaml.ensureInitialized();
        java.time.Instant now = java.time.Instant.parse("2026-12-01T12:00:00Z");
        idpKey = SelfSignedCertificates.generate("idp.bench.example", now.minusSeconds(3600), java.time.Duration.ofDays(30));
        spKey = SelfSignedCertificates.generate("sp.bench.example", now.minusSeconds(3600), java.time.Duration.ofDays(30));
        ResponseFixture fixture = ResponseFixture.from(IDP, idpKey).forServiceProvider(SP, ACS).at(now).inResponseTo("_bench");
        if (variant.equals("encrypted")) {
            fixture.encryptedFor(spKey.getEntityCertificate());
        }
        response = fixture.build();
        validator = new ResponseValidator(
                new ServiceProviderParty(SP, ACS, SP + "/slo", spKey, List.of(spKey)),
                new IdentityProviderTrust(IDP, List.of(idpKey.getEntityCertificate()),
                        java.time.Duration.ofSeconds(60), false, false),
                requestId -> true, (issuer, id, expiry) -> true,
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    @Benchmark
    public ValidatedAssertion ourValidation() {
        return validator.validate(response);
    }

    @Benchmark
    public Assertion bareOpenSaml() throws Exception {
        Response parsed = (Response) XMLObjectSupport.unmarshallFromInputStream(
                XMLObjectProviderRegistrySupport.getParserPool(), new ByteArrayInputStream(response));
        BasicX509Credential trusted = new BasicX509Credential(idpKey.getEntityCertificate());
        new SAMLSignatureProfileValidator().validate(parsed.getSignature());
        SignatureValidator.validate(parsed.getSignature(), trusted);
        Assertion assertion = parsed.getAssertions().isEmpty() ? decrypt(parsed) : parsed.getAssertions().get(0);
        new SAMLSignatureProfileValidator().validate(assertion.getSignature());
        SignatureValidator.validate(assertion.getSignature(), trusted);
        return assertion;
    }

    private Assertion decrypt(Response parsed) throws Exception {
        Decrypter decrypter = new Decrypter(null, new StaticKeyInfoCredentialResolver(spKey), new InlineEncryptedKeyResolver());
        // without it the assertion's signature cannot find its own ID
        decrypter.setRootInNewDocument(true);
        return decrypter.decrypt(parsed.getEncryptedAssertions().get(0));
    }

    /** Runs both benchmarks and prints, per variant, ours as a share of the bare baseline. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(AcsValidationBenchmark.class.getName()).build()).run();
        for (String variant : List.of("signed", "encrypted")) {
            double ours = score(results, "ourValidation", variant);
            double bare = score(results, "bareOpenSaml", variant);
            System.out.printf("%n%-9s ours %8.0f ops/s, bare OpenSAML %8.0f ops/s: ours = %.0f %% of bare (target >= 60 %%)%n",
                    variant, ours, bare, 100 * ours / bare);
        }
    }

    private static double score(Collection<RunResult> results, String benchmark, String variant) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith(benchmark)
                        && variant.equals(r.getParams().getParam("variant")))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
    }
}
