package org.dak.items.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment limits.
 *
 * @param maxFileSize the largest single file
 * @param maxItemSize all files of one item together
 * @param maxFiles files on one item
 */
@ConfigurationProperties("dak.attachments")
public record AttachmentProperties(@DefaultValue("10MB") DataSize maxFileSize,
		@DefaultValue("25MB") DataSize maxItemSize, @DefaultValue("10") int maxFiles) {
}
