import { bookingLines, englishReplies, type Replies } from './englishReplies';

/** Customers' lines in Portuguese (SPEC §19); staff commands stay in the tenant's language. */
export const portugueseReplies: Replies = {
  ...englishReplies,
  leadCreated: (ref) =>
    `Obrigado pela sua mensagem! Sua consulta é ${ref}; alguém da nossa equipe vai responder em breve.`,
  optedOut: 'Você não receberá mais mensagens nossas. Responda START para voltar a receber.',
  optedIn: 'Bem-vindo de volta! Você voltará a receber nossas mensagens. Responda STOP para cancelar.',
  noBooking:
    'Não encontramos uma reserva para este número. Se reservou com outro número, informe a referência (BK-…).',
  bookings: (lines) => bookingLines('Suas reservas:', lines),
  handedOff: 'Uma pessoa da nossa equipe vai responder em breve.',
  repWillSend: 'Seu consultor de vendas enviará os dados de pagamento em breve.',
  cancellationRequested: (ref) =>
    `Passamos seu pedido de cancelar ${ref} ao seu consultor de vendas, que entrará em contato em breve. Nada muda até ele confirmar.`,
  alreadyCancelled: (ref) => `A reserva ${ref} já está cancelada.`,
  customerStaffCommand: 'Desculpe, esse comando é só para a nossa equipe. Como podemos ajudar?',
  help: (role) =>
    role === 'customer'
      ? 'Escreva sua pergunta e responderemos. STATUS mostra suas reservas, PAY envia o link de pagamento, CANCEL BK-12 pede o cancelamento de uma reserva, STOP cancela.'
      : englishReplies.help(role),
};
