package io.engagive.sdk.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import java.util.Map;

/**
 * The real pacts verified against a sandbox whose template list carries a field the spec does
 * not have (Pact tolerates it, the spec does not); {@link BrokenLinksIT} runs it and expects failures.
 */
@Provider(Contract.PROVIDER)
@PactFolder("target/pacts")
class OffSpecSandboxVerification extends SandboxProviderStates {

    @Override
    @State(Contract.TEMPLATES_EXIST)
    public Map<String, Object> templatesExist() {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.reply(200, "{\"success\":true,\"message\":\"Templates retrieved\","
                + "\"data\":[{\"id\":101,\"code\":\"order_shipped\",\"name\":\"Order shipped\",\"category_code\":"
                + "\"UTILITY\",\"option_code\":\"STANDARD\",\"parameter_format_code\":\"POSITIONAL\",\"status\":"
                + "\"approved\"}],\"undocumentedField\":true}"), 2);
        return super.templatesExist();
    }
}
