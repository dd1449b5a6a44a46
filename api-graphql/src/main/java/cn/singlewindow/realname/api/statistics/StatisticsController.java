package cn.singlewindow.realname.api.statistics;

import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.statistics.CertificationStatistics;
import cn.singlewindow.realname.messages.statistics.FindCertificationStatistics;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** For dashboards: counts only, no personal data. */
@Controller
class StatisticsController {

    private static final long MAX_DAYS = 366;

    private final QueryGateway queries;

    StatisticsController(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ANALYST', 'AUDITOR')")
    CompletableFuture<CertificationStatistics> certificationStatistics(@Argument LocalDate from,
                                                                       @Argument LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new RejectedException(ApiRejections.invalidField("to",
                    "from must not be after to, and the range is at most a year.", "统计区间须在一年以内，且起始日期不晚于截止日期。"));
        }
        return queries.query(new FindCertificationStatistics(from, to),
                ResponseTypes.instanceOf(CertificationStatistics.class));
    }

    @SchemaMapping(typeName = "FailureReasonCount", field = "message")
    String message(CertificationStatistics.ReasonCount reason) {
        return FailureReason.of(reason.reason()).message();
    }

    @SchemaMapping(typeName = "FailureReasonCount", field = "messageZh")
    String messageZh(CertificationStatistics.ReasonCount reason) {
        return FailureReason.of(reason.reason()).messageZh();
    }
}
