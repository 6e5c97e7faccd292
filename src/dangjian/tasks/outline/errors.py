"""The one error the parser raises, with the messages users read."""

EMPTY = "文档内容为空"
NO_CHINESE = "文档中没有中文内容"
NO_OUTLINE = ("未识别到提纲层次（如“一、”“（一）”“1.”），也没有“要……”“必须……”等工作要求句，"
              "无法拆分任务")
CORRUPT_DOCX = "无法读取该Word文件，文件可能已损坏"
UNKNOWN_ENCODING = "无法识别文本文件的编码，请另存为UTF-8或GBK编码后再上传"
NOT_A_DOCX = "文件扩展名是 .docx，但内容不是Word文档，请确认文件类型后重新上传"
OLD_DOC = "文件扩展名是 .docx，但内容是旧版 .doc 文档，请在 Word 或 WPS 中另存为 .docx 后上传"
ENCRYPTED_DOCX = "该Word文件已加密（设置了打开密码），无法读取，请取消密码后重新上传"
NOT_TEXT = "文件扩展名是 .txt，但内容不是纯文本（可能是Word、PDF或压缩文件），请确认文件类型"
NOT_A_PDF = "文件扩展名是 .pdf，但内容不是PDF文档"
ENCRYPTED_PDF = "该PDF文件已加密，无法读取文字，请取消密码后重新上传"
PDF_WITHOUT_TEXT = "PDF中没有可提取的文字（可能是扫描件），请上传Word或文本文件"


class OutlineError(ValueError):
    """A document that cannot be turned into task items; the message is shown as is."""
