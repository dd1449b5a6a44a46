package cn.singlewindow.realname.api.migration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk legacy imports (docs/migration.md).
 *
 * @param maxFileSize the largest file accepted; it is kept under the data directory while it is imported
 * @param maxRowBytes the longest row (line) of a file
 * @param inFlight rows imported at once
 */
@Validated
@ConfigurationProperties("realname.legacy-import")
public record LegacyImportSettings(@DefaultValue("1GB") @NotNull DataSize maxFileSize,
                                   @DefaultValue("16KB") @NotNull DataSize maxRowBytes,
                                   @DefaultValue("4") @Min(1) @Max(32) int inFlight) {
}
