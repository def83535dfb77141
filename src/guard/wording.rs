//! What the guard's note says about each finding, in the eight seller-center languages.

use super::finding::FindingKind;
use crate::core::Lang;

/// The suggestion for one finding. `detail` is the banned word, or a long sentence's word count.
pub fn suggestion(kind: FindingKind, detail: Option<&str>, lang: Lang) -> String {
    let d = detail.unwrap_or("");
    match (kind, lang) {
        (FindingKind::BannedWord, Lang::En) => format!("Remove “{d}”: the platform refuses messages that name other messaging apps. Keep the conversation in AliExpress chat."),
        (FindingKind::BannedWord, Lang::Es) => format!("Quita «{d}»: la plataforma rechaza los mensajes que nombran otras aplicaciones de mensajería. Sigue la conversación en el chat de AliExpress."),
        (FindingKind::BannedWord, Lang::De) => format!("„{d}“ entfernen: Die Plattform lehnt Nachrichten ab, die andere Messenger nennen. Bleiben Sie im AliExpress-Chat."),
        (FindingKind::BannedWord, Lang::Fr) => format!("Retirez « {d} » : la plateforme refuse les messages qui citent d’autres messageries. Restez dans le chat AliExpress."),
        (FindingKind::BannedWord, Lang::Pt) => format!("Remova “{d}”: a plataforma recusa mensagens que citam outros aplicativos de mensagens. Continue no chat do AliExpress."),
        (FindingKind::BannedWord, Lang::Ru) => format!("Уберите «{d}»: платформа не пропускает сообщения с названиями других мессенджеров. Общайтесь в чате AliExpress."),
        (FindingKind::BannedWord, Lang::It) => format!("Togli «{d}»: la piattaforma rifiuta i messaggi che nominano altre app di messaggistica. Resta nella chat di AliExpress."),
        (FindingKind::BannedWord, Lang::Zh) => format!("请删除“{d}”：平台会拒绝提及其他聊天软件的消息，请在速卖通聊天中沟通。"),
        (FindingKind::PhoneNumber, Lang::En) => "Remove the phone number: the platform refuses messages with contact details.".into(),
        (FindingKind::PhoneNumber, Lang::Es) => "Quita el número de teléfono: la plataforma rechaza los mensajes con datos de contacto.".into(),
        (FindingKind::PhoneNumber, Lang::De) => "Telefonnummer entfernen: Die Plattform lehnt Nachrichten mit Kontaktdaten ab.".into(),
        (FindingKind::PhoneNumber, Lang::Fr) => "Retirez le numéro de téléphone : la plateforme refuse les messages avec des coordonnées.".into(),
        (FindingKind::PhoneNumber, Lang::Pt) => "Remova o número de telefone: a plataforma recusa mensagens com dados de contato.".into(),
        (FindingKind::PhoneNumber, Lang::Ru) => "Уберите номер телефона: платформа не пропускает сообщения с контактами.".into(),
        (FindingKind::PhoneNumber, Lang::It) => "Togli il numero di telefono: la piattaforma rifiuta i messaggi con dati di contatto.".into(),
        (FindingKind::PhoneNumber, Lang::Zh) => "请删除电话号码：平台会拒绝包含联系方式的消息。".into(),
        (FindingKind::Email, Lang::En) => "Remove the e-mail address: the platform refuses messages with contact details.".into(),
        (FindingKind::Email, Lang::Es) => "Quita la dirección de correo: la plataforma rechaza los mensajes con datos de contacto.".into(),
        (FindingKind::Email, Lang::De) => "E-Mail-Adresse entfernen: Die Plattform lehnt Nachrichten mit Kontaktdaten ab.".into(),
        (FindingKind::Email, Lang::Fr) => "Retirez l’adresse e-mail : la plateforme refuse les messages avec des coordonnées.".into(),
        (FindingKind::Email, Lang::Pt) => "Remova o endereço de e-mail: a plataforma recusa mensagens com dados de contato.".into(),
        (FindingKind::Email, Lang::Ru) => "Уберите адрес электронной почты: платформа не пропускает сообщения с контактами.".into(),
        (FindingKind::Email, Lang::It) => "Togli l’indirizzo e-mail: la piattaforma rifiuta i messaggi con dati di contatto.".into(),
        (FindingKind::Email, Lang::Zh) => "请删除电子邮箱地址：平台会拒绝包含联系方式的消息。".into(),
        (FindingKind::Link, Lang::En) => "Remove the link: only AliExpress links are allowed in messages.".into(),
        (FindingKind::Link, Lang::Es) => "Quita el enlace: en los mensajes solo se permiten enlaces de AliExpress.".into(),
        (FindingKind::Link, Lang::De) => "Link entfernen: In Nachrichten sind nur AliExpress-Links erlaubt.".into(),
        (FindingKind::Link, Lang::Fr) => "Retirez le lien : seuls les liens AliExpress sont acceptés dans les messages.".into(),
        (FindingKind::Link, Lang::Pt) => "Remova o link: só links do AliExpress são permitidos nas mensagens.".into(),
        (FindingKind::Link, Lang::Ru) => "Уберите ссылку: в сообщениях разрешены только ссылки на AliExpress.".into(),
        (FindingKind::Link, Lang::It) => "Togli il link: nei messaggi sono ammessi solo link di AliExpress.".into(),
        (FindingKind::Link, Lang::Zh) => "请删除链接：消息中只允许速卖通链接。".into(),
        (FindingKind::LongSentence, Lang::En) => format!("This sentence has {d} words: split it. Messages are machine-translated, and short sentences translate better."),
        (FindingKind::LongSentence, Lang::Es) => format!("Esta frase tiene {d} palabras: divídela. Los mensajes se traducen automáticamente y las frases cortas se traducen mejor."),
        (FindingKind::LongSentence, Lang::De) => format!("Dieser Satz hat {d} Wörter: teilen Sie ihn. Nachrichten werden maschinell übersetzt, kurze Sätze gelingen besser."),
        (FindingKind::LongSentence, Lang::Fr) => format!("Cette phrase compte {d} mots : coupez-la. Les messages sont traduits automatiquement, les phrases courtes passent mieux."),
        (FindingKind::LongSentence, Lang::Pt) => format!("Esta frase tem {d} palavras: divida-a. As mensagens são traduzidas automaticamente e frases curtas traduzem melhor."),
        (FindingKind::LongSentence, Lang::Ru) => format!("В этом предложении {d} слов: разбейте его. Сообщения переводятся машинно, короткие фразы переводятся лучше."),
        (FindingKind::LongSentence, Lang::It) => format!("Questa frase ha {d} parole: dividila. I messaggi sono tradotti automaticamente e le frasi brevi si traducono meglio."),
        (FindingKind::LongSentence, Lang::Zh) => format!("这句话约有 {d} 个词，请拆分。消息会被机器翻译，短句翻译更准确。"),
    }
}

/// The note's heading: how many problems, and whether the platform would refuse the message.
pub fn summary(blocking: usize, advisory: usize, lang: Lang) -> String {
    match (blocking > 0, lang) {
        (true, Lang::En) => format!(
            "The platform will refuse this message ({blocking} problem{}).",
            if blocking == 1 { "" } else { "s" }
        ),
        (true, Lang::Es) => format!(
            "La plataforma rechazará este mensaje ({blocking} problema{}).",
            if blocking == 1 { "" } else { "s" }
        ),
        (true, Lang::De) => format!(
            "Die Plattform wird diese Nachricht ablehnen ({blocking} Problem{}).",
            if blocking == 1 { "" } else { "e" }
        ),
        (true, Lang::Fr) => format!(
            "La plateforme refusera ce message ({blocking} problème{}).",
            if blocking == 1 { "" } else { "s" }
        ),
        (true, Lang::Pt) => format!(
            "A plataforma vai recusar esta mensagem ({blocking} problema{}).",
            if blocking == 1 { "" } else { "s" }
        ),
        (true, Lang::Ru) => format!("Платформа не пропустит это сообщение (проблем: {blocking})."),
        (true, Lang::It) => format!(
            "La piattaforma rifiuterà questo messaggio ({blocking} problem{}).",
            if blocking == 1 { "a" } else { "i" }
        ),
        (true, Lang::Zh) => format!("平台将拒绝此消息（{blocking} 个问题）。"),
        (false, Lang::En) => format!(
            "{advisory} sentence{} may translate badly.",
            if advisory == 1 { "" } else { "s" }
        ),
        (false, Lang::Es) => format!(
            "{advisory} frase{} puede{} traducirse mal.",
            if advisory == 1 { "" } else { "s" },
            if advisory == 1 { "" } else { "n" }
        ),
        (false, Lang::De) => format!("{advisory} Satz/Sätze könnte(n) schlecht übersetzt werden."),
        (false, Lang::Fr) => format!("{advisory} phrase(s) risque(nt) d’être mal traduite(s)."),
        (false, Lang::Pt) => format!("{advisory} frase(s) pode(m) ser mal traduzida(s)."),
        (false, Lang::Ru) => format!("Предложений, которые могут плохо перевестись: {advisory}."),
        (false, Lang::It) => format!("{advisory} frase/i potrebbe(ro) essere tradotta/e male."),
        (false, Lang::Zh) => format!("{advisory} 个句子可能翻译不准确。"),
    }
}
