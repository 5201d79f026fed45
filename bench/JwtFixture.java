// bench/JwtFixture.java — the local "user pool" of the rest-jwt scenario, run once by run.sh with
// the archway jar on the class path (Nimbus JOSE is in it):
//   java -cp target/archway.jar bench/JwtFixture.java <dir> <issuer-url>
// writes <dir>/.well-known/openid-configuration, <dir>/jwks.json (one fresh RSA key) and
// <dir>/token (an RS256 ID token of that issuer, valid for a day) for nginx to serve and wrk to send.
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

public class JwtFixture {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String issuer = args[1];
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
    Files.createDirectories(dir.resolve(".well-known"));
    Files.writeString(dir.resolve(".well-known/openid-configuration"),
        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks.json\"}");
    Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
    Instant now = Instant.now();
    SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(),
        new JWTClaimsSet.Builder().issuer(issuer).subject("bench-user").audience("bench-client")
            .claim("token_use", "id").claim("email", "bench@example.com")
            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(86_400))).build());
    token.sign(new RSASSASigner(key));
    Files.writeString(dir.resolve("token"), token.serialize());
  }
}
