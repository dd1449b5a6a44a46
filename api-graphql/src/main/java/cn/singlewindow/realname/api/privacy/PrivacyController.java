package cn.singlewindow.realname.api.privacy;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.privacy.ErasePersonalData;
import cn.singlewindow.realname.messages.privacy.PersonalDataErasure;
import graphql.GraphQLContext;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class PrivacyController {

    /** Shown in place of an erased person's name and number where the contract promises a value. */
    static final String ERASED = "已删除";

    record ErasePersonalDataInput(DocumentType documentType, String documentNumber, String reason) {
    }

    private final Commands commands;

    PrivacyController(Commands commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    CompletableFuture<PersonalDataErasure> erasePersonalData(@Argument ErasePersonalDataInput input,
                                                             GraphQLContext context) {
        return commands.send(new ErasePersonalData(input.documentType(), input.documentNumber(), input.reason()),
                context);
    }

    @SchemaMapping(typeName = "LegalRepresentative", field = "name")
    String name(LegalRepresentative legalRepresentative) {
        return legalRepresentative.name() == null ? ERASED : legalRepresentative.name();
    }

    @SchemaMapping(typeName = "LegalRepresentative", field = "documentNumber")
    String documentNumber(LegalRepresentative legalRepresentative) {
        return legalRepresentative.documentNumber() == null ? ERASED : legalRepresentative.documentNumber();
    }

    @SchemaMapping(typeName = "LegalRepresentative", field = "erased")
    boolean erased(LegalRepresentative legalRepresentative) {
        return legalRepresentative.documentNumber() == null;
    }
}
