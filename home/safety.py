"""The safe-browsing guidance page of every network's site, from safety.toml beside this
module, in Italian and all five other languages (setup_site translates it into each)."""

from pathlib import Path

from .content import ContentData, ContentPart, page_with_body
from .models import SafeBrowsingPage

DATA = ContentData(Path(__file__).with_name("safety.toml"))

SAFE_BROWSING = ContentPart(data=DATA, build=page_with_body(SafeBrowsingPage, "page"))
