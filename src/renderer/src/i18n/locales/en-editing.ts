/** English texts of the editing work (issue 17); same keys as ko-editing.ts. */
export const enEditing = {
  editing: {
    company: {
      terms: 'Terms',
      creditLimit: 'Credit limit (KRW)',
      paymentTerms: 'Payment terms (days)',
      paymentTermsHint: 'Days from invoice to payment (0 = on receipt)',
      fiscalYearEnd: 'Fiscal year end',
      fiscalYearEndHint: 'Month-day (e.g. 12-31)',
      tags: 'Tags',
      tagsHint: 'Separated by commas (e.g. leadership, onboarding)',
      customFields: 'Custom fields',
      customFieldsHint: 'Information kept per company (e.g. main bank → Kookmin Bank)',
      customKey: 'Field',
      customValue: 'Value',
      addCustomField: '+ Add field',
      removeCustomField: 'Remove field {{key}}',
      customFieldsNone: 'None',
    },
    contact: {
      birthday: 'Birthday',
      linkedin: 'LinkedIn',
      linkedinHint: 'e.g. linkedin.com/in/jane-kim',
      isActive: 'Still with the company',
      inactive: 'Left the company',
    },
  },
}
