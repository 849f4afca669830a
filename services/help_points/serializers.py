"""Help points as JSON: the API's shape and schema.org JSON-LD (HSDS: services.hsds)."""

from services.schema_org import SCHEMA_DAYS


def _hhmm(time):
    return time.strftime("%H:%M") if time else None


def _date(day):
    return day.isoformat() if day else None


def opening_hours(page):
    return [
        {
            "days": rule.day_codes,
            "opens": _hhmm(rule.opens),
            "closes": _hhmm(rule.closes),
            "valid_from": _date(rule.valid_from),
            "valid_to": _date(rule.valid_to),
            "mode": rule.mode,
        }
        for rule in page.opening_rules.all()
    ]


def exceptions(page):
    return [
        {
            "date_from": _date(exception.date_from),
            "date_to": _date(exception.last_day),
            "closed": exception.closed,
            "opens": None if exception.closed else _hhmm(exception.opens),
            "closes": None if exception.closed else _hhmm(exception.closes),
            "reason": str(exception.get_reason_display()),
        }
        for exception in page.opening_exceptions.all()
    ]


def help_point(hit, localized, request):
    """One result of GET /api/help-points/ (`hit` from finder.py)."""
    page = hit.page
    shown = localized.get(page.translation_key, page)
    public = page.address_is_public
    latitude, longitude = page.public_position or (None, None)
    distance = hit.distance_km
    if distance is not None:
        distance = round(distance, 1) if public else float(round(distance))
    return {
        "slug": page.slug,
        "name": shown.title,
        "url": shown.get_full_url(request),
        "association": {"slug": page.association.slug, "name": page.association.title},
        "kind": page.kind,
        "address": page.address if public else None,
        "address_visibility": page.address_visibility,
        "comune": page.comune,
        "istat_code": page.istat_code,
        "latitude": latitude,
        "longitude": longitude,
        "position_exact": public and latitude is not None,
        "distance_km": distance,
        "open_now": hit.status.open_now,
        "next_change": hit.status.next_change.isoformat() if hit.status.next_change else None,
        "status_message": hit.status.message,
        "phones": [phone.number for phone in page.phones.all()],
        "languages": page.languages,
        "service_codes": page.service_codes,
        "services": shown.service_list,
        "opening_hours": opening_hours(page),
        "exceptions": exceptions(page),
        "patron_day": (
            f"{page.patron_month:02d}-{page.patron_day:02d}" if page.patron_month else None
        ),
    }


def json_ld(page, request=None):
    """schema.org Place with opening hours, for the help point's page."""
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": page.summary,
        "telephone": [phone.number for phone in page.phones.all()],
        "isAccessibleForFree": True,
        "publicAccess": page.address_is_public,
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [SCHEMA_DAYS[day] for day in rule.weekdays],
                "opens": _hhmm(rule.opens),
                "closes": _hhmm(rule.closes),
                **({"validFrom": _date(rule.valid_from)} if rule.valid_from else {}),
                **({"validThrough": _date(rule.valid_to)} if rule.valid_to else {}),
            }
            for rule in page.opening_rules.all()
        ],
        "specialOpeningHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": _date(exception.date_from),
                "validThrough": _date(exception.last_day),
                "opens": "00:00" if exception.closed else _hhmm(exception.opens),
                "closes": "00:00" if exception.closed else _hhmm(exception.closes),
            }
            for exception in page.opening_exceptions.all()
        ],
        "containedInPlace": {
            "@type": "AdministrativeArea",
            "name": page.comune,
            "identifier": page.istat_code,
        },
        "maintainer": {"@type": "NGO", "name": page.association.title},
    }
    if page.address_is_public:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": page.address,
            "addressLocality": page.comune,
            "addressRegion": page.province,
            "addressCountry": "IT",
        }
        if page.latitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": page.latitude,
                "longitude": page.longitude,
            }
    return data
