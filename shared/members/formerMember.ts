/** What a member whose data was erased is called where their pseudonym was shown. */
export const FORMER_MEMBER = 'Former member'
