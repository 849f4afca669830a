"""Demo content: the safe-browsing guidance page, in Italian and all five other languages.

Every text is written once per language in `t(...)`: the Italian goes into the page,
the English into the glossary `T`, the others into `EXTRA_TRANSLATIONS`, which
load_demo uses to translate the page into French, Arabic, Romanian and Ukrainian.
"""

from .demo import block, get_or_create_child, paragraphs
from .models import SafeBrowsingPage
from .translation import Glossary

T = Glossary()
EXTRA_LANGUAGES = ("fr", "ar", "ro", "uk")
EXTRA_TRANSLATIONS = {code: Glossary() for code in EXTRA_LANGUAGES}
SLUG = "navigare-sicura"


def t(it, en, fr, ar, ro, uk):
    """Record one text in all six languages; return the Italian."""
    for code, text in zip(EXTRA_LANGUAGES, (fr, ar, ro, uk), strict=True):
        EXTRA_TRANSLATIONS[code](it, text)
    return T(it, en)


ENTRY_POINT_TEXTS = {
    SLUG: t(
        "Come usare il pulsante Esci e non lasciare tracce su telefono e computer.",
        "How to use the Exit button and leave no traces on your phone and computer.",
        "Comment utiliser le bouton Quitter maintenant et ne pas laisser de traces sur votre "
        "téléphone et votre ordinateur.",
        "كيف تستخدمين زر الخروج ولا تتركين آثارًا على هاتفكِ وحاسوبكِ.",
        "Cum să folosești butonul Ieși acum și să nu lași urme pe telefon și pe calculator.",
        "Як користуватися кнопкою «Вийти зараз» і не залишати слідів на телефоні та комп'ютері.",
    ),
}

TITLE = t(
    "Navigare in sicurezza",
    "Browse safely",
    "Naviguer en sécurité",
    "تصفّح آمن",
    "Navigare în siguranță",
    "Безпечний перегляд",
)

INTRO = t(
    "Se qualcuno potrebbe controllare il tuo telefono o il tuo computer, qui trovi come "
    "proteggerti mentre cerchi aiuto. Fai solo quello che ti sembra sicuro: sei tu a "
    "conoscere meglio la tua situazione.",
    "If someone might check your phone or computer, here is how to protect yourself while "
    "you look for help. Only do what feels safe: you know your situation best.",
    "Si quelqu'un risque de contrôler votre téléphone ou votre ordinateur, voici comment "
    "vous protéger pendant que vous cherchez de l'aide. Ne faites que ce qui vous semble "
    "sûr : c'est vous qui connaissez le mieux votre situation.",
    "إذا كان هناك من قد يراقب هاتفكِ أو حاسوبكِ، ستجدين هنا كيف تحمين نفسكِ وأنتِ تبحثين عن "
    "المساعدة. افعلي فقط ما تشعرين أنه آمن: أنتِ أعلم الناس بوضعكِ.",
    "Dacă cineva ți-ar putea verifica telefonul sau calculatorul, aici găsești cum să te "
    "protejezi în timp ce cauți ajutor. Fă doar ce ți se pare sigur: tu îți cunoști cel mai "
    "bine situația.",
    "Якщо хтось може перевіряти ваш телефон чи комп'ютер, тут ви знайдете, як захистити "
    "себе, поки шукаєте допомоги. Робіть лише те, що здається вам безпечним: ви найкраще "
    "знаєте свою ситуацію.",
)

# (heading, [paragraphs]) per topic, each text in it, en, fr, ar, ro, uk.
TOPICS = [
    (
        t(
            "Cosa fa il pulsante Esci, e cosa non fa",
            "What the Exit button does, and what it does not do",
            "Ce que fait le bouton Quitter maintenant, et ce qu'il ne fait pas",
            "ما الذي يفعله زر الخروج، وما الذي لا يفعله",
            "Ce face butonul Ieși acum și ce nu face",
            "Що робить кнопка «Вийти зараз», а чого не робить",
        ),
        [
            t(
                "Il pulsante Esci subito, in alto su ogni pagina, apre all'istante una pagina "
                "qualsiasi al posto di questo sito, nella stessa scheda. Se poi qualcuno "
                "preme Indietro, non torna su queste pagine. Funziona anche premendo tre "
                "volte il tasto Maiuscolo.",
                "The Exit now button, at the top of every page, instantly opens an ordinary "
                "page in place of this site, in the same tab. If someone then presses Back, "
                "they do not get back to these pages. Pressing the Shift key three times "
                "works too.",
                "Le bouton Quitter maintenant, en haut de chaque page, ouvre instantanément "
                "une page ordinaire à la place de ce site, dans le même onglet. Si quelqu'un "
                "appuie ensuite sur Retour, il ne revient pas sur ces pages. Appuyer trois "
                "fois sur la touche Maj fonctionne aussi.",
                "زر «اخرجي الآن» في أعلى كل صفحة يفتح فورًا صفحة عادية مكان هذا الموقع، في "
                "نفس علامة التبويب. وإذا ضغط أحدهم بعد ذلك على زر الرجوع، فلن يعود إلى هذه "
                "الصفحات. ويمكنكِ أيضًا الضغط على مفتاح Shift ثلاث مرات.",
                "Butonul Ieși acum, din partea de sus a fiecărei pagini, deschide imediat o "
                "pagină obișnuită în locul acestui site, în aceeași filă. Dacă cineva apasă "
                "apoi Înapoi, nu ajunge înapoi la aceste pagini. Funcționează și dacă apeși "
                "de trei ori tasta Shift.",
                "Кнопка «Вийти зараз» угорі кожної сторінки миттєво відкриває звичайну "
                "сторінку замість цього сайту в тій самій вкладці. Якщо потім хтось натисне "
                "«Назад», він не повернеться на ці сторінки. Також можна тричі натиснути "
                "клавішу Shift.",
            ),
            t(
                "Il pulsante non cancella la cronologia del browser: le pagine che hai visto "
                "possono restare nell'elenco della cronologia. Più sotto trovi come toglierle.",
                "The button does not delete the browser history: the pages you have seen can "
                "stay in the history list. Below you will find how to remove them.",
                "Le bouton n'efface pas l'historique du navigateur : les pages que vous avez "
                "vues peuvent rester dans la liste de l'historique. Vous trouverez plus bas "
                "comment les retirer.",
                "الزر لا يحذف سجل المتصفح: قد تبقى الصفحات التي رأيتِها في قائمة السجل. "
                "ستجدين في الأسفل كيف تزيلينها.",
                "Butonul nu șterge istoricul browserului: paginile pe care le-ai văzut pot "
                "rămâne în lista istoricului. Mai jos găsești cum să le scoți.",
                "Кнопка не видаляє історію браузера: переглянуті сторінки можуть лишитися в "
                "списку історії. Нижче ви знайдете, як їх прибрати.",
            ),
        ],
    ),
    (
        t(
            "Se il tuo telefono o computer è controllato",
            "If your phone or computer is being watched",
            "Si votre téléphone ou votre ordinateur est surveillé",
            "إذا كان هاتفكِ أو حاسوبكِ مراقَبًا",
            "Dacă telefonul sau calculatorul tău este supravegheat",
            "Якщо ваш телефон чи комп'ютер під контролем",
        ),
        [
            t(
                "Se puoi, cerca aiuto da un dispositivo più sicuro: il telefono di un'amica "
                "di fiducia, un computer della biblioteca o del lavoro.",
                "If you can, look for help from a safer device: the phone of a friend you "
                "trust, a computer at the library or at work.",
                "Si vous le pouvez, cherchez de l'aide depuis un appareil plus sûr : le "
                "téléphone d'une amie de confiance, un ordinateur de la bibliothèque ou du "
                "travail.",
                "إن استطعتِ، ابحثي عن المساعدة من جهاز أكثر أمانًا: هاتف صديقة تثقين بها، أو "
                "حاسوب في المكتبة أو في العمل.",
                "Dacă poți, caută ajutor de pe un dispozitiv mai sigur: telefonul unei prietene "
                "de încredere, un calculator de la bibliotecă sau de la serviciu.",
                "Якщо можете, шукайте допомоги з безпечнішого пристрою: телефону подруги, якій "
                "довіряєте, комп'ютера в бібліотеці чи на роботі.",
            ),
            t(
                "Non cancellare tutto all'improvviso: una cronologia vuota o un telefono "
                "ripristinato possono insospettire chi ti controlla. Togli solo le tracce "
                "che ti mettono in pericolo.",
                "Do not wipe everything suddenly: an empty history or a reset phone can make "
                "the person watching you suspicious. Remove only the traces that put you in "
                "danger.",
                "N'effacez pas tout d'un coup : un historique vide ou un téléphone "
                "réinitialisé peuvent éveiller les soupçons de la personne qui vous "
                "surveille. Retirez seulement les traces qui vous mettent en danger.",
                "لا تحذفي كل شيء فجأة: السجل الفارغ أو الهاتف المعاد ضبطه قد يثيران شكوك من "
                "يراقبكِ. أزيلي فقط الآثار التي تعرّضكِ للخطر.",
                "Nu șterge totul dintr-odată: un istoric gol sau un telefon resetat pot trezi "
                "bănuielile celui care te supraveghează. Șterge doar urmele care te pun în "
                "pericol.",
                "Не видаляйте все раптово: порожня історія чи скинутий телефон можуть викликати "
                "підозру в того, хто вас контролює. Прибирайте лише ті сліди, які наражають "
                "вас на небезпеку.",
            ),
        ],
    ),
    (
        t(
            "Cancellare singole pagine dalla cronologia",
            "Deleting single pages from the history",
            "Supprimer des pages précises de l'historique",
            "حذف صفحات بعينها من السجل",
            "Ștergerea unor pagini anume din istoric",
            "Видалення окремих сторінок з історії",
        ),
        [
            t(
                "In quasi tutti i browser apri la Cronologia dal menu (su computer anche con "
                "Ctrl+H), cerca le pagine di questo sito e cancella solo quelle, lasciando "
                "le altre.",
                "In almost every browser you open the History from the menu (on a computer "
                "also with Ctrl+H), look for this site's pages and delete only those, "
                "leaving the others.",
                "Dans presque tous les navigateurs, ouvrez l'Historique depuis le menu (sur "
                "ordinateur aussi avec Ctrl+H), cherchez les pages de ce site et supprimez "
                "seulement celles-ci, en laissant les autres.",
                "في معظم المتصفحات افتحي السجل من القائمة (وعلى الحاسوب أيضًا بالضغط على "
                "Ctrl+H)، وابحثي عن صفحات هذا الموقع واحذفيها وحدها، واتركي الباقي.",
                "În aproape toate browserele deschizi Istoricul din meniu (pe calculator și cu "
                "Ctrl+H), cauți paginile acestui site și le ștergi doar pe ele, lăsându-le pe "
                "celelalte.",
                "Майже в усіх браузерах відкрийте «Історію» з меню (на комп'ютері також "
                "клавішами Ctrl+H), знайдіть сторінки цього сайту і видаліть лише їх, "
                "залишивши інші.",
            ),
        ],
    ),
    (
        t(
            "Navigazione privata",
            "Private browsing",
            "Navigation privée",
            "التصفح الخاص",
            "Navigare privată",
            "Приватний перегляд",
        ),
        [
            t(
                "Una finestra privata non salva cronologia né dati dei moduli. Chrome ed "
                "Edge: Nuova finestra in incognito o InPrivate. Firefox: Nuova finestra "
                "anonima. Safari: Nuova finestra privata. Samsung Internet: tocca l'icona "
                "delle schede e poi Attiva modalità segreta.",
                "A private window saves no history and no form data. Chrome and Edge: New "
                "Incognito or InPrivate window. Firefox: New private window. Safari: New "
                "private window. Samsung Internet: tap the tabs icon, then Turn on Secret "
                "mode.",
                "Une fenêtre privée n'enregistre ni l'historique ni les données des "
                "formulaires. Chrome et Edge : Nouvelle fenêtre de navigation privée ou "
                "InPrivate. Firefox : Nouvelle fenêtre privée. Safari : Nouvelle fenêtre "
                "privée. Samsung Internet : touchez l'icône des onglets, puis Activer le mode "
                "secret.",
                "النافذة الخاصة لا تحفظ السجل ولا بيانات النماذج. في Chrome وEdge: نافذة "
                "التصفح المتخفي أو InPrivate جديدة. في Firefox: نافذة خاصة جديدة. في "
                "Safari: نافذة خاصة جديدة. في Samsung Internet: المسي أيقونة علامات التبويب "
                "ثم شغّلي الوضع السري.",
                "O fereastră privată nu salvează istoricul și nici datele din formulare. Chrome "
                "și Edge: Fereastră nouă incognito sau InPrivate. Firefox: Fereastră privată "
                "nouă. Safari: Fereastră privată nouă. Samsung Internet: atinge pictograma "
                "filelor, apoi Activare mod secret.",
                "Приватне вікно не зберігає історію і дані форм. Chrome і Edge: нове вікно в "
                "режимі анонімного перегляду або InPrivate. Firefox: нове приватне вікно. "
                "Safari: нове приватне вікно. Samsung Internet: торкніться значка вкладок, "
                "потім увімкніть секретний режим.",
            ),
            t(
                "La navigazione privata non nasconde nulla a chi controlla la rete o il "
                "dispositivo con un'app spia.",
                "Private browsing hides nothing from someone who watches the network or the "
                "device with a spy app.",
                "La navigation privée ne cache rien à quelqu'un qui surveille le réseau ou "
                "l'appareil avec une application espion.",
                "التصفح الخاص لا يخفي شيئًا عمّن يراقب الشبكة أو الجهاز بتطبيق تجسس.",
                "Navigarea privată nu ascunde nimic de cineva care supraveghează rețeaua sau "
                "dispozitivul cu o aplicație de spionaj.",
                "Приватний перегляд нічого не приховує від того, хто стежить за мережею або "
                "пристроєм через шпигунську програму.",
            ),
        ],
    ),
    (
        t(
            "Compilazione automatica, password salvate e preferiti",
            "Autocomplete, saved passwords and bookmarks",
            "Saisie automatique, mots de passe enregistrés et favoris",
            "الإكمال التلقائي وكلمات المرور المحفوظة والمفضلة",
            "Completarea automată, parolele salvate și marcajele",
            "Автозаповнення, збережені паролі та закладки",
        ),
        [
            t(
                "Il browser può suggerire ad altri quello che hai scritto: nella barra degli "
                "indirizzi, nelle ricerche e nei moduli. Non salvare password di account "
                "nuovi e non aggiungere questo sito ai preferiti.",
                "The browser can suggest what you typed to other people: in the address bar, "
                "in searches and in forms. Do not save passwords for new accounts and do not "
                "bookmark this site.",
                "Le navigateur peut suggérer à d'autres ce que vous avez tapé : dans la barre "
                "d'adresse, dans les recherches et dans les formulaires. N'enregistrez pas "
                "les mots de passe de nouveaux comptes et n'ajoutez pas ce site aux favoris.",
                "قد يقترح المتصفح على الآخرين ما كتبتِه: في شريط العنوان وفي عمليات البحث وفي "
                "النماذج. لا تحفظي كلمات مرور الحسابات الجديدة ولا تضيفي هذا الموقع إلى "
                "المفضلة.",
                "Browserul le poate sugera altora ce ai scris: în bara de adrese, în căutări și "
                "în formulare. Nu salva parolele conturilor noi și nu adăuga acest site la "
                "marcaje.",
                "Браузер може підказати іншим те, що ви вводили: в адресному рядку, у пошуку "
                "та у формах. Не зберігайте паролі нових облікових записів і не додавайте цей "
                "сайт у закладки.",
            ),
        ],
    ),
    (
        t(
            "Cronologia sincronizzata e account condivisi",
            "Synced history and shared accounts",
            "Historique synchronisé et comptes partagés",
            "السجل المتزامن والحسابات المشتركة",
            "Istoric sincronizat și conturi comune",
            "Синхронізована історія та спільні облікові записи",
        ),
        [
            t(
                "Se il browser è collegato a un account Google, Apple, Microsoft o Samsung, "
                "la cronologia può comparire anche su altri dispositivi. Se qualcuno conosce "
                "la password del tuo account, può vedere ricerche, foto e posizione.",
                "If the browser is signed in to a Google, Apple, Microsoft or Samsung account, "
                "the history can also appear on other devices. If someone knows your account "
                "password, they can see searches, photos and location.",
                "Si le navigateur est connecté à un compte Google, Apple, Microsoft ou Samsung, "
                "l'historique peut aussi apparaître sur d'autres appareils. Si quelqu'un "
                "connaît le mot de passe de votre compte, il peut voir vos recherches, vos "
                "photos et votre position.",
                "إذا كان المتصفح مرتبطًا بحساب Google أو Apple أو Microsoft أو Samsung، فقد "
                "يظهر السجل على أجهزة أخرى أيضًا. وإذا كان أحدهم يعرف كلمة مرور حسابكِ، "
                "يمكنه رؤية عمليات البحث والصور والموقع.",
                "Dacă browserul este conectat la un cont Google, Apple, Microsoft sau Samsung, "
                "istoricul poate apărea și pe alte dispozitive. Dacă cineva îți știe parola "
                "contului, îți poate vedea căutările, fotografiile și locația.",
                "Якщо браузер під'єднаний до облікового запису Google, Apple, Microsoft чи "
                "Samsung, історія може з'являтися й на інших пристроях. Якщо хтось знає "
                "пароль від вашого облікового запису, він може бачити пошукові запити, фото "
                "та місцезнаходження.",
            ),
        ],
    ),
    (
        t(
            "Telefonate e bollette",
            "Phone calls and bills",
            "Appels et factures",
            "المكالمات والفواتير",
            "Apeluri și facturi",
            "Дзвінки та рахунки",
        ),
        [
            t(
                "Il 1522 è gratuito, ma la chiamata compare nel registro delle chiamate del "
                "telefono: se serve, cancella solo quella voce. I numeri gratuiti di solito "
                "non compaiono in bolletta, ma controlla se il contratto è intestato a "
                "un'altra persona.",
                "1522 is free, but the call shows in the phone's call log: if you need to, "
                "delete just that entry. Free numbers do not usually show on the bill, but "
                "check whether the contract is in someone else's name.",
                "Le 1522 est gratuit, mais l'appel apparaît dans le journal d'appels du "
                "téléphone : si nécessaire, supprimez seulement cette ligne. Les numéros "
                "gratuits n'apparaissent généralement pas sur la facture, mais vérifiez si "
                "le contrat est au nom d'une autre personne.",
                "الاتصال بالرقم 1522 مجاني، لكن المكالمة تظهر في سجل مكالمات الهاتف: إن لزم "
                "الأمر، احذفي هذا السطر وحده. الأرقام المجانية لا تظهر عادةً في الفاتورة، لكن "
                "تأكدي إن كان العقد باسم شخص آخر.",
                "Numărul 1522 este gratuit, dar apelul apare în jurnalul de apeluri al "
                "telefonului: dacă e nevoie, șterge doar acea intrare. Numerele gratuite de "
                "obicei nu apar pe factură, dar verifică dacă abonamentul este pe numele "
                "altcuiva.",
                "Дзвінок на 1522 безкоштовний, але він з'являється в журналі дзвінків "
                "телефона: якщо потрібно, видаліть лише цей запис. Безкоштовні номери "
                "зазвичай не з'являються в рахунку, але перевірте, чи договір оформлено на "
                "іншу людину.",
            ),
        ],
    ),
    (
        t(
            "Email e messaggi",
            "Email and messages",
            "E-mails et messages",
            "البريد الإلكتروني والرسائل",
            "E-mailuri și mesaje",
            "Електронна пошта та повідомлення",
        ),
        [
            t(
                "Se qualcuno può leggere la tua posta o le tue chat, usa un indirizzo email "
                "nuovo che conosci solo tu, aperto da un dispositivo sicuro. Ricorda che i "
                "messaggi cancellati possono restare sugli altri dispositivi collegati, come "
                "WhatsApp Web su un computer di casa.",
                "If someone can read your email or your chats, use a new email address that "
                "only you know, opened from a safe device. Remember that deleted messages can "
                "remain on other linked devices, such as WhatsApp Web on a home computer.",
                "Si quelqu'un peut lire vos e-mails ou vos conversations, utilisez une "
                "nouvelle adresse e-mail que vous seule connaissez, ouverte depuis un "
                "appareil sûr. Les messages supprimés peuvent rester sur d'autres appareils "
                "connectés, comme WhatsApp Web sur un ordinateur de la maison.",
                "إذا كان بإمكان أحدهم قراءة بريدكِ أو محادثاتكِ، استخدمي عنوان بريد جديدًا لا "
                "يعرفه سواكِ، وافتحيه من جهاز آمن. تذكّري أن الرسائل المحذوفة قد تبقى على "
                "أجهزة أخرى مرتبطة، مثل واتساب ويب على حاسوب في البيت.",
                "Dacă cineva îți poate citi e-mailurile sau conversațiile, folosește o adresă "
                "de e-mail nouă pe care o știi doar tu, deschisă de pe un dispozitiv sigur. "
                "Mesajele șterse pot rămâne pe alte dispozitive conectate, cum ar fi WhatsApp "
                "Web pe un calculator de acasă.",
                "Якщо хтось може читати вашу пошту чи чати, користуйтеся новою адресою, яку "
                "знаєте лише ви, і відкривайте її з безпечного пристрою. Пам'ятайте, що "
                "видалені повідомлення можуть лишатися на інших під'єднаних пристроях, "
                "наприклад у WhatsApp Web на домашньому комп'ютері.",
            ),
        ],
    ),
    (
        t(
            "App spia (stalkerware)",
            "Spy apps (stalkerware)",
            "Applications espion (stalkerware)",
            "تطبيقات التجسس (stalkerware)",
            "Aplicații de spionaj (stalkerware)",
            "Шпигунські програми (stalkerware)",
        ),
        [
            t(
                "Se qualcuno sa cose che hai detto o scritto solo al telefono, potrebbe "
                "esserci un'app spia. Batteria che si scarica in fretta e app sconosciute "
                "sono segnali possibili. Toglierla può avvisare chi l'ha installata: parlane "
                "prima con un'operatrice del 1522 o di un centro antiviolenza.",
                "If someone knows things you only said or wrote on your phone, there may be a "
                "spy app. A battery that runs down quickly and unknown apps are possible "
                "signs. Removing it can alert whoever installed it: talk to a counsellor at "
                "1522 or at an anti-violence centre first.",
                "Si quelqu'un sait des choses que vous avez seulement dites ou écrites sur "
                "votre téléphone, il peut y avoir une application espion. Une batterie qui "
                "se vide vite et des applications inconnues sont des signes possibles. La "
                "supprimer peut alerter la personne qui l'a installée : parlez-en d'abord à "
                "une écoutante du 1522 ou d'un centre antiviolence.",
                "إذا كان أحدهم يعرف أشياء قلتِها أو كتبتِها على الهاتف فقط، فقد يكون هناك تطبيق "
                "تجسس. البطارية التي تنفد بسرعة والتطبيقات المجهولة علامات محتملة. حذفه قد "
                "ينبّه من ثبّته: تحدثي أولًا مع موظفة في 1522 أو في مركز لمناهضة العنف.",
                "Dacă cineva știe lucruri pe care le-ai spus sau scris doar la telefon, s-ar "
                "putea să existe o aplicație de spionaj. O baterie care se descarcă repede și "
                "aplicații necunoscute sunt semne posibile. Ștergerea ei îl poate alerta pe "
                "cel care a instalat-o: vorbește mai întâi cu o consilieră de la 1522 sau de "
                "la un centru antiviolență.",
                "Якщо хтось знає те, що ви казали чи писали лише по телефону, там може бути "
                "шпигунська програма. Батарея, що швидко сідає, і незнайомі програми — "
                "можливі ознаки. Її видалення може насторожити того, хто її встановив: "
                "спершу поговоріть з консультанткою 1522 або антинасильницького центру.",
            ),
        ],
    ),
    (
        t(
            "Posizione condivisa e localizzatori",
            "Location sharing and trackers",
            "Partage de position et traceurs",
            "مشاركة الموقع وأجهزة التتبع",
            "Partajarea locației și dispozitivele de urmărire",
            "Поширення місцезнаходження та трекери",
        ),
        [
            t(
                "Controlla nelle impostazioni del telefono e in app come Google Maps, Trova "
                "il mio e Life360 con chi condividi la posizione. Un piccolo localizzatore "
                "come un AirTag può essere nascosto in borsa o in auto: il telefono a volte "
                "avvisa se uno sconosciuto si muove con te.",
                "Check in the phone's settings and in apps such as Google Maps, Find My and "
                "Life360 who you share your location with. A small tracker such as an AirTag "
                "can be hidden in a bag or a car: the phone sometimes warns you when an "
                "unknown one is moving with you.",
                "Vérifiez dans les réglages du téléphone et dans des applications comme Google "
                "Maps, Localiser et Life360 avec qui vous partagez votre position. Un petit "
                "traceur comme un AirTag peut être caché dans un sac ou une voiture : le "
                "téléphone prévient parfois quand un traceur inconnu se déplace avec vous.",
                "تحققي في إعدادات الهاتف وفي تطبيقات مثل خرائط Google و«تحديد الموقع» و"
                "Life360 مع من تشاركين موقعكِ. يمكن إخفاء جهاز تتبع صغير مثل AirTag في حقيبة "
                "أو سيارة: أحيانًا ينبّهكِ الهاتف إذا كان جهاز مجهول يتنقل معكِ.",
                "Verifică în setările telefonului și în aplicații precum Google Maps, Găsire și "
                "Life360 cu cine îți partajezi locația. Un dispozitiv mic de urmărire, cum ar "
                "fi un AirTag, poate fi ascuns în geantă sau în mașină: telefonul te avertizează "
                "uneori când unul necunoscut se deplasează cu tine.",
                "Перевірте в налаштуваннях телефона і в програмах на кшталт Google Maps, "
                "«Локатор» і Life360, з ким ви ділитеся місцезнаходженням. Маленький трекер, "
                "як-от AirTag, можна сховати в сумці чи автомобілі: телефон іноді попереджає, "
                "коли незнайомий трекер переміщується разом з вами.",
            ),
        ],
    ),
    (
        t(
            "Social network",
            "Social media",
            "Réseaux sociaux",
            "وسائل التواصل الاجتماعي",
            "Rețele sociale",
            "Соціальні мережі",
        ),
        [
            t(
                "Foto, tag e check-in possono rivelare dove sei. Rendi privato il profilo, "
                "controlla chi ti segue e disattiva la posizione nelle foto. Amiche e "
                "parenti possono rivelarla senza volerlo: chiedi loro di non taggarti.",
                "Photos, tags and check-ins can reveal where you are. Make your profile "
                "private, check who follows you and turn off location in photos. Friends and "
                "relatives can give it away without meaning to: ask them not to tag you.",
                "Les photos, les identifications et les check-ins peuvent révéler où vous "
                "êtes. Rendez votre profil privé, vérifiez qui vous suit et désactivez la "
                "position dans les photos. Vos amies et vos proches peuvent la révéler sans "
                "le vouloir : demandez-leur de ne pas vous identifier.",
                "قد تكشف الصور والإشارات وتسجيلات الوصول مكانكِ. اجعلي حسابكِ خاصًا، وتحققي "
                "ممن يتابعكِ، وأوقفي الموقع في الصور. قد تكشفه صديقاتكِ وأقاربكِ دون قصد: "
                "اطلبي منهم ألّا يشيروا إليكِ.",
                "Fotografiile, etichetările și check-in-urile pot dezvălui unde ești. Fă-ți "
                "profilul privat, verifică cine te urmărește și dezactivează locația din "
                "fotografii. Prietenele și rudele o pot dezvălui fără să vrea: roagă-le să nu "
                "te eticheteze.",
                "Фото, позначки та відмітки про місце можуть видати, де ви є. Зробіть профіль "
                "приватним, перевірте, хто на вас підписаний, і вимкніть геолокацію у фото. "
                "Подруги й родичі можуть видати її ненавмисно: попросіть їх не позначати вас.",
            ),
        ],
    ),
    (
        t(
            "Dispositivi condivisi e dei bambini",
            "Shared devices and children's devices",
            "Appareils partagés et appareils des enfants",
            "الأجهزة المشتركة وأجهزة الأطفال",
            "Dispozitive comune și dispozitivele copiilor",
            "Спільні пристрої та пристрої дітей",
        ),
        [
            t(
                "Tablet, computer di famiglia e telefoni dei bambini possono essere "
                "collegati agli stessi account o avere il controllo parentale gestito da "
                "un'altra persona. Quello che cerchi lì può essere visto da chi li gestisce.",
                "Tablets, family computers and children's phones may be linked to the same "
                "accounts or have parental controls run by someone else. What you look up "
                "there can be seen by whoever manages them.",
                "Les tablettes, les ordinateurs familiaux et les téléphones des enfants "
                "peuvent être reliés aux mêmes comptes ou avoir un contrôle parental géré par "
                "une autre personne. Ce que vous y cherchez peut être vu par la personne qui "
                "les gère.",
                "قد تكون الأجهزة اللوحية وحواسيب العائلة وهواتف الأطفال مرتبطة بالحسابات نفسها "
                "أو خاضعة لرقابة أبوية يديرها شخص آخر. ما تبحثين عنه هناك قد يراه من يديرها.",
                "Tabletele, calculatoarele familiei și telefoanele copiilor pot fi legate de "
                "aceleași conturi sau pot avea control parental gestionat de altcineva. Ce "
                "cauți acolo poate fi văzut de cel care le gestionează.",
                "Планшети, сімейні комп'ютери й телефони дітей можуть бути прив'язані до тих "
                "самих облікових записів або мати батьківський контроль, яким керує інша "
                "людина. Те, що ви там шукаєте, може побачити той, хто ними керує.",
            ),
        ],
    ),
]

EMERGENCY_TITLE = t(
    "In caso di pericolo",
    "If you are in danger",
    "En cas de danger",
    "في حالة الخطر",
    "Dacă ești în pericol",
    "Якщо ви в небезпеці",
)
EMERGENCY_TEXT = t(
    "Se sei in pericolo adesso chiama il 112. Per parlare con un'operatrice, giorno e "
    "notte, gratis e in molte lingue, chiama il 1522: ti aiuta anche a fare un piano per "
    "la tua sicurezza.",
    "If you are in danger now, call 112. To talk to a counsellor, day and night, free and "
    "in many languages, call 1522: they can also help you make a safety plan.",
    "Si vous êtes en danger maintenant, appelez le 112. Pour parler à une écoutante, jour "
    "et nuit, gratuitement et en plusieurs langues, appelez le 1522 : elle peut aussi vous "
    "aider à préparer un plan de sécurité.",
    "إذا كنتِ في خطر الآن، اتصلي بالرقم 112. للتحدث مع موظفة، ليلًا ونهارًا، مجانًا وبلغات "
    "عديدة، اتصلي بالرقم 1522: يمكنها أيضًا مساعدتكِ في وضع خطة لسلامتكِ.",
    "Dacă ești în pericol acum, sună la 112. Ca să vorbești cu o consilieră, zi și noapte, "
    "gratuit și în multe limbi, sună la 1522: te poate ajuta și să faci un plan pentru "
    "siguranța ta.",
    "Якщо ви в небезпеці зараз, телефонуйте 112. Щоб поговорити з консультанткою вдень і "
    "вночі, безкоштовно і багатьма мовами, телефонуйте 1522: вона також допоможе скласти "
    "план безпеки.",
)


def body():
    blocks = []
    for heading, texts in TOPICS:
        blocks.append(block("heading", heading))
        blocks.append(block("paragraph", paragraphs(*texts)))
    blocks.append(
        block(
            "callout",
            {"tone": "urgent", "title": EMERGENCY_TITLE, "text": paragraphs(EMERGENCY_TEXT)},
        )
    )
    return blocks


def load(home):
    """The safe-browsing guidance page, in Italian."""
    page, _ = get_or_create_child(
        home, SafeBrowsingPage, SLUG, title=TITLE, intro=INTRO, body=body()
    )
    return [page]
