import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangjian.ops.checksums import table_checksums


class Command(BaseCommand):
    help = "每个表的行数和行校验和（恢复演练时比较源库与恢复库）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")
        parser.add_argument("--first", action="append", default=[], metavar="TABLE=N",
                            help="该表只计前 N 行（按主键），可重复")

    def handle(self, *args: Any, **options: Any) -> None:
        first = {}
        for item in options["first"]:
            table, _, count = item.partition("=")
            if not count.isdecimal():
                raise CommandError(f"--first 的格式应为 表名=行数，收到“{item}”")
            first[table] = int(count)
        sums = table_checksums(first=first)
        if options["json"]:
            self.stdout.write(json.dumps(sums, ensure_ascii=False, sort_keys=True))
            return
        for table, (count, digest) in sums.items():
            self.stdout.write(f"{table:<48} {count:>9} {digest}")
