"""The one error the parser raises, with the messages users read."""

EMPTY = "文档内容为空"
NO_CHINESE = "文档中没有中文内容"
NO_OUTLINE = ("未识别到提纲层次（如“一、”“（一）”“1.”），也没有“要……”“必须……”等工作要求句，"
              "无法拆分任务")
CORRUPT_DOCX = "无法读取该Word文件，文件可能已损坏"
UNKNOWN_ENCODING = "无法识别文本文件的编码，请另存为UTF-8或GBK编码后再上传"


class OutlineError(ValueError):
    """A document that cannot be turned into task items; the message is shown as is."""
