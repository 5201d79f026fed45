package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKeysFormat;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.UsagePlanKey;

/** ImportApiKeys with AWS's CSV key file. */
class ApiKeyImportE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();

  @Test
  void importsKeysInAnyColumnOrderAndAttachesThemToPlans() {
    String a = aws.createUsagePlan(r -> r.name("a")).id();
    String b = aws.createUsagePlan(r -> r.name("b")).id();
    String csv = "Enabled,name,KEY,Description,UsagePlanIds,ignored\n"
        + "false,first,importedkey0000000000001,the first,\"" + a + "," + b + "\",x\n"
        + "\r\n"
        + ",second,importedkey0000000000002,,'" + a + "',y\n";
    var result = aws.importApiKeys(r -> r.body(SdkBytes.fromUtf8String(csv)).format(ApiKeysFormat.CSV));
    assertThat(result.ids()).hasSize(2);
    assertThat(result.warnings()).isEmpty();

    var first = aws.getApiKey(r -> r.apiKey(result.ids().get(0)).includeValue(true));
    assertThat(first.name()).isEqualTo("first");
    assertThat(first.value()).isEqualTo("importedkey0000000000001");
    assertThat(first.enabled()).isFalse();
    assertThat(first.description()).isEqualTo("the first");
    var second = aws.getApiKey(r -> r.apiKey(result.ids().get(1)));
    assertThat(second.enabled()).isTrue(); // an empty Enabled means true
    assertThat(aws.getUsagePlanKeys(r -> r.usagePlanId(a)).items()).extracting(UsagePlanKey::name)
        .containsExactly("first", "second");
    assertThat(aws.getUsagePlanKeys(r -> r.usagePlanId(b)).items()).extracting(UsagePlanKey::name).containsExactly("first");

    var again = aws.importApiKeys(r -> r.format(ApiKeysFormat.CSV)
        .body(SdkBytes.fromUtf8String("key,name\nimportedkey0000000000001,renamed\n")));
    assertThat(again.ids()).containsExactly(first.id()); // the same value overwrites the same key
    assertThat(aws.getApiKey(r -> r.apiKey(first.id())).name()).isEqualTo("renamed");
  }

  @Test
  void badRowsAreWarningsUnlessFailOnWarnings() {
    String csv = "name,key,enabled,usageplanids\n"
        + "good,warnedimportkey00000000001,true,\n"
        + "short,tooshort,true,\n"
        + "typo,warnedimportkey00000000002,yes,\n"
        + "lost,warnedimportkey00000000003,true,noplan\n";
    assertThatThrownBy(() -> aws.importApiKeys(r -> r.format(ApiKeysFormat.CSV).failOnWarnings(true)
        .body(SdkBytes.fromUtf8String(csv))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Line 3").hasMessageNotContaining("tooshort");
    assertThat(aws.getApiKeys(r -> r.nameQuery("good")).items()).isEmpty(); // nothing imported

    var result = aws.importApiKeys(r -> r.format(ApiKeysFormat.CSV).body(SdkBytes.fromUtf8String(csv)));
    assertThat(result.ids()).hasSize(2);
    assertThat(result.warnings()).hasSize(3);
    assertThat(result.warnings().get(0)).startsWith("Line 3:");
    assertThat(result.warnings().get(2)).contains("Invalid Usage Plan ID specified");
  }

  @Test
  void refusesFilesWithoutNameAndKeyColumns() {
    assertThatThrownBy(() -> aws.importApiKeys(r -> r.format(ApiKeysFormat.CSV)
        .body(SdkBytes.fromUtf8String("value,label\nabcdefghijabcdefghij12,x\n"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Name and Key");
    assertThatThrownBy(() -> aws.importApiKeys(r -> r.format(ApiKeysFormat.CSV)
        .body(SdkBytes.fromUtf8String("name,key\n\"never closed,abcdefghijabcdefghij12\n"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("never closed");
  }
}
