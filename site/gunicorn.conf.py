"""gunicorn settings used by `make serve` and the browser tests.

The access log holds no client address and no query string: the place a woman
typed into the finder, her coordinates or her IP must never be written to a log.
gunicorn itself reads WEB_CONCURRENCY (workers) and FORWARDED_ALLOW_IPS (the proxies
whose X-Forwarded-Proto it believes; the contact form's rate limit believes their
X-Forwarded-For, see closher.settings). `make serve` binds 127.0.0.1 unless HOST is set.
"""

worker_class = "gthread"
threads = 4
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
